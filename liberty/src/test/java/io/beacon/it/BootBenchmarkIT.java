package io.beacon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.beacon.it.support.BeaconServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Boot time to {@code /health/ready} (issue 18), as a user meets it: {@code java -jar beacon.jar} with the demo
 * data on embedded H2. Each round starts a server on a fresh data directory (cold: empty database, Flyway
 * migrates, demo data loaded, search index built) and then once more on the same data (warm). Prints, beside the
 * machine's load, the time from launch to ready seen by the client and the server's own account of where the time
 * went (Liberty's kernel and feature timings, the start-up steps Beacon logs). Off by default; run it with
 * {@code ./mvnw -B -o -ntp verify -Dbeacon.it.skip.mariadb=true -Dbeacon.h2.kill=false -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=BootBenchmarkIT -Dfailsafe.failIfNoSpecifiedTests=false
 * -Dbeacon.benchmark=true} ({@code -Dbeacon.benchmark.boots=3} rounds by default).
 */
class BootBenchmarkIT {
    /** Lines of the server log that say where start-up time went, each with a short name. */
    private static final List<Account> ACCOUNT = List.of(
            new Account("kernel", "CWWKE0002I: The kernel started after ([0-9.]+) seconds"),
            new Account("features", "CWWKF0008I: Feature update completed in ([0-9.]+) seconds"),
            new Account("flyway", "Successfully applied \\d+ migrations.*execution time ([0-9:.]+)s"),
            new Account("engine", "Process engine started in (\\d+) ms"),
            new Account("rehearsal", "The event pipeline rehearsed a storm of \\d+ events and \\d+ incidents \\(rolled back\\) in (\\d+) ms"),
            new Account("steps", "Start-up steps took (.*)"),
            new Account("ready after JVM start ms", "Beacon is ready \\((\\d+) ms after JVM start\\)"),
            new Account("app started s", "CWWKZ0001I: Application beacon started in ([0-9.]+) seconds"));

    private record Account(String name, Pattern pattern) {
        Account(String name, String regex) {
            this(name, Pattern.compile(regex));
        }
    }

    @Test
    void bootToReady() throws Exception {
        assumeTrue(Boolean.getBoolean("beacon.benchmark"), "benchmark off (-Dbeacon.benchmark=true runs it)");
        assumeTrue("h2".equals(System.getProperty("beacon.it.db", "h2")), "boot as a new user meets it: embedded H2");
        int rounds = Integer.getInteger("beacon.benchmark.boots", 3);
        List<String> rows = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            BeaconServer server = BeaconServer.withDefaultDataDirectory();
            try {
                rows.add(boot(server, "cold " + round));
                server.stop();
                rows.add(boot(server, "warm " + round));
            } finally {
                server.close();
            }
        }
        System.out.printf("%nBOOT %-7s %9s  %-16s  %s%n", "start", "ready s", "load 1/5/15 min", "server's account");
        rows.forEach(r -> System.out.println("BOOT " + r));
    }

    private static String boot(BeaconServer server, String label) throws Exception {
        Path log = server.workDir().resolve("server.log");
        long logBefore = Files.exists(log) ? Files.size(log) : 0;
        String loadBefore = load();
        server.start();
        String row = String.format("%-7s %9.1f  %-16s  %s", label, server.lastStartDuration().toMillis() / 1000.0,
                loadBefore, account(log, logBefore));
        System.out.println("BOOT " + row);
        assertThat(server.lastStartDuration()).as("ready").isPositive();
        return row;
    }

    /** What the server logged about its start since {@code from} (this start only: the log is appended to). */
    private static String account(Path log, long from) throws IOException {
        byte[] all = Files.readAllBytes(log);
        String text = new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
        List<String> parts = new ArrayList<>();
        for (String line : text.split("\n")) {
            for (Account a : ACCOUNT) {
                Matcher m = a.pattern().matcher(line);
                if (m.find()) {
                    parts.add(a.name() + " " + m.group(1));
                }
            }
        }
        return String.join("; ", parts);
    }

    /** The machine is shared: every figure is printed beside the load it was measured under. */
    private static String load() throws IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }
}
