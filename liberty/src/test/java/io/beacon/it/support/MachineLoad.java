package io.beacon.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load averages (1, 5, 15 min), printed beside each benchmark figure: the machine is shared. */
public final class MachineLoad {
    private MachineLoad() {}

    public static String now() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2] + " on " + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException | RuntimeException notLinux) {
            return "unknown";
        }
    }
}
