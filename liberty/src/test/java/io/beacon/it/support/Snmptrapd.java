package io.beacon.it.support;

import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * net-snmp's {@code snmptrapd -n -f} (Debian package snmptrapd) as the yardstick for a trap
 * flood: it logs one line per trap of community {@code public} to a file, which {@link #logged()}
 * counts. {@link #start} answers null when snmptrapd is not installed.
 */
public final class Snmptrapd implements Closeable {
    public static final Path BINARY = Path.of("/usr/sbin/snmptrapd");
    private final Process process;
    private final Path log;
    private final int port;

    private Snmptrapd(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts it on a free UDP port of 127.0.0.1 and waits until it has logged its start. */
    public static Snmptrapd start(Path dir) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            return null;
        }
        Files.createDirectories(dir);
        Path conf = Files.writeString(dir.resolve("snmptrapd.conf"), "authCommunity log public\n");
        Path log = dir.resolve("snmptrapd.log");
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        // -n: no name look-ups; -C -c: only this configuration; -m "": no MIBs to load; one "TRAP" line per trap.
        Process p = new ProcessBuilder(BINARY.toString(), "-n", "-f", "-C", "-c", conf.toString(), "-m", "", "-Lf",
                log.toString(), "-F", "TRAP %b\n", "udp:127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("snmptrapd.out").toFile()).start();
        Snmptrapd trapd = new Snmptrapd(p, log, port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!(Files.exists(log) && Files.readString(log).contains("NET-SNMP"))) {
            if (!p.isAlive() || Instant.now().isAfter(deadline)) {
                trapd.close();
                throw new IllegalStateException("snmptrapd did not start; see " + dir);
            }
            Thread.sleep(50);
        }
        return trapd;
    }

    public int port() {
        return port;
    }

    /** Traps logged so far. */
    public long logged() throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.startsWith("TRAP")).count();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
