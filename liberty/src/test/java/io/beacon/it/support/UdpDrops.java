package io.beacon.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the Linux kernel dropped because a UDP socket's receive buffer was full: per socket, by
 * local port ({@code /proc/net/udp} and {@code udp6}, column "drops"), and machine-wide
 * ({@code /proc/net/snmp}, "Udp: RcvbufErrors"). Answers -1 where the files are not there.
 */
public final class UdpDrops {
    private UdpDrops() {}

    /** Datagrams dropped so far by the sockets bound to this local port. */
    public static long atPort(int port) {
        long sum = -1;
        for (String file : List.of("/proc/net/udp", "/proc/net/udp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(file))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length < 13 || !f[1].contains(":")) {
                        continue;
                    }
                    if (Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16) == port) {
                        sum = Math.max(sum, 0) + Long.parseLong(f[f.length - 1]);
                    }
                }
            } catch (IOException | NumberFormatException notThere) {
                // not Linux, or no IPv6
            }
        }
        return sum;
    }

    /** The machine's UDP receive-buffer errors so far. */
    public static long machineWide() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/net/snmp")).stream().filter(l -> l.startsWith("Udp:"))
                    .toList();
            List<String> names = List.of(lines.get(0).split("\\s+"));
            return Long.parseLong(lines.get(1).split("\\s+")[names.indexOf("RcvbufErrors")]);
        } catch (IOException | RuntimeException notThere) {
            return -1;
        }
    }
}
