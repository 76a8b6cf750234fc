package io.beacon.it.support;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real Beacon, as a user runs it: {@code java -jar liberty/target/beacon.jar} in a process of
 * its own, on free ports, with a fresh data directory, on H2 or on a throwaway MariaDB database
 * (system property {@code beacon.it.db}). Started once per test run and shared by every test class.
 */
public final class BeaconServer {
    public static final String ADMIN_PASSWORD = "it-admin-password-1";
    /** SNMP settings of the test server: communities and v3 users (name:auth:pass:priv:pass). */
    public static final String SNMP_COMMUNITIES = "public,beacon-it";
    public static final String SNMP_V3_USERS = "itsha:SHA:it-auth-pass-1:AES:it-priv-pass-1,"
            + "itsha256:SHA-256:it-auth-pass-2:AES-256:it-priv-pass-2,itmd5:MD5:it-auth-pass-3:DES:it-priv-pass-3,"
            + "itauth:SHA:it-auth-pass-4,itnoauth";

    private final String database;
    private final Path workDir;
    private final Path jar;
    private final Map<String, String> env = new HashMap<>();
    private final int httpPort;
    private final int httpsPort;
    private final int trapPort;
    private String mariadbDatabase;
    private Process process;
    private int starts;
    private Duration lastStartDuration;

    BeaconServer(String database) throws IOException {
        this.database = database;
        this.jar = Path.of(System.getProperty("beacon.jar", "target/beacon.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No runnable jar at " + jar + "; run the package phase first");
        }
        this.workDir = Files.createTempDirectory(Path.of("target"), "it-" + database + "-").toAbsolutePath();
        this.httpPort = freePort();
        env.put("BEACON_HTTP_PORT", String.valueOf(httpPort));
        this.httpsPort = freePort();
        env.put("BEACON_HTTPS_PORT", String.valueOf(httpsPort));
        env.put("BEACON_DATA_DIR", workDir.resolve("data").toString());
        env.put("BEACON_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("BEACON_DEMO_DATA", "true");
        // Metrics as a production scrape gets them: over HTTPS with credentials (support/Metrics).
        env.put("BEACON_METRICS_AUTH", "true");
        env.put("BEACON_CORRELATION_TICK_SECONDS", "1"); // windows end and flaps settle within a test's patience
        this.trapPort = freeUdpPort();
        env.put("BEACON_SNMP_TRAP_PORT", String.valueOf(trapPort));
        env.put("BEACON_SNMP_COMMUNITY", SNMP_COMMUNITIES);
        env.put("BEACON_SNMP_V3_USERS", SNMP_V3_USERS);
        // The tests' senders on 127.0.0.1 relay for the demo devices (10.x); 127.0.0.2 stays an untrusted sender.
        env.put("BEACON_SNMP_TRUSTED_RELAYS", "127.0.0.1");
        // P4 tickets breach their response target within seconds, so that SlaApiIT sees an escalation.
        // Sign-in throttle: tests stand for distinct clients through X-Forwarded-For from this trusted
        // "proxy", and back-offs stay short so that tests can wait them out.
        env.put("BEACON_TRUSTED_PROXIES", "127.0.0.1,::1");
        env.put("BEACON_SIGNIN_BACKOFF_BASE_MILLIS", "1000");
        env.put("BEACON_SIGNIN_BACKOFF_MAX_SECONDS", "2");
        env.put("BEACON_SIGNIN_ADDRESS_BACKOFF_AFTER_FAILURES", "50");
        env.put("BEACON_SLA_P4_RESPONSE", "PT3S");
        env.put("BEACON_SLA_P4_ALL_HOURS", "true");
        if ("mariadb".equals(database)) {
            mariadbDatabase = "beacon_it_" + System.currentTimeMillis();
            adminSql("CREATE DATABASE " + mariadbDatabase + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            env.put("BEACON_DB_URL", mariadbBaseUrl() + mariadbDatabase);
            env.put("BEACON_DB_USER", System.getProperty("beacon.it.mariadb.user", "root"));
            env.put("BEACON_DB_PASSWORD", System.getProperty("beacon.it.mariadb.password", ""));
        }
    }

    /**
     * A server of its own on H2 that is given no data directory, as a user's first {@code java -jar}
     * is: it keeps its data where it was started ({@link #workDir()}). The caller starts and shuts it down.
     */
    public static BeaconServer withDefaultDataDirectory() throws IOException {
        BeaconServer server = new BeaconServer("h2");
        server.env.remove("BEACON_DATA_DIR");
        return server;
    }

    /** One more environment variable for the server process; before {@link #start()}. */
    public BeaconServer with(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Stops the server, deletes its extracted copies. */
    public void close() {
        shutdown();
    }

    /** Extra environment for the server process (the test mail server's settings). */
    void environment(java.util.Map<String, String> extra) {
        env.putAll(extra);
    }

    public String database() {
        return database;
    }

    /** A JDBC connection to the server's MariaDB database (only on the MariaDB round). */
    public Connection mariadbConnection() throws SQLException {
        if (mariadbDatabase == null) {
            throw new IllegalStateException("not on MariaDB");
        }
        return DriverManager.getConnection(mariadbBaseUrl() + mariadbDatabase,
                System.getProperty("beacon.it.mariadb.user", "root"), System.getProperty("beacon.it.mariadb.password", ""));
    }

    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    /** The HTTPS port; it opens a few seconds after readiness at the first start (see HttpsIT). */
    public int httpsPort() {
        return httpsPort;
    }

    /** The UDP port the server receives SNMP traps on. */
    public int trapPort() {
        return trapPort;
    }

    public Path workDir() {
        return workDir;
    }

    public Duration lastStartDuration() {
        return lastStartDuration;
    }

    public synchronized void start() throws IOException, InterruptedException {
        starts++;
        ProcessBuilder pb = new ProcessBuilder(javaBinary(), "-jar", jar.toString());
        pb.directory(workDir.toFile());
        pb.environment().putAll(env);
        // A fresh extraction per start, inside target/, so nothing leaks into the home directory.
        pb.environment().put("WLP_JAR_EXTRACT_DIR", workDir.resolve("server-" + starts).toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("server.log").toFile()));
        Instant begin = Instant.now();
        process = pb.start();
        try {
            // Generous: a loaded 2-core CI machine starts far slower than 11 s (-Dbeacon.it.ready.seconds when shared by many builds).
            awaitReady(Duration.ofSeconds(Long.getLong("beacon.it.ready.seconds", 300)));
        } catch (IOException | InterruptedException | RuntimeException notReady) {
            kill(); // never leave a half-started server behind for the next run to collide with
            throw notReady;
        }
        lastStartDuration = Duration.between(begin, Instant.now());
        System.out.printf("Beacon (%s) ready in %d ms (start %d), log %s%n", database,
                lastStartDuration.toMillis(), starts, workDir.resolve("server.log"));
    }

    /** A clean stop, as an operator's SIGTERM does it. */
    public synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        process.waitFor();
        for (ProcessHandle h : process.descendants().toList()) {
            h.onExit().join();
        }
        awaitPortFree();
        process = null;
    }

    /** A crash: SIGKILL to the launcher and the server, no chance to flush anything. */
    public synchronized void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
        awaitPortFree();
        process = null;
    }

    void shutdown() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (mariadbDatabase != null) {
            try {
                adminSql("DROP DATABASE IF EXISTS " + mariadbDatabase);
            } catch (IOException e) {
                System.err.println("Could not drop " + mariadbDatabase + ": " + e.getMessage());
            }
        }
        deleteExtractedCopies();
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Beacon exited with " + process.exitValue() + "; see "
                        + workDir.resolve("server.log"));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(baseUrl() + "/health/ready").toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Beacon not ready within " + timeout + "; see " + workDir.resolve("server.log"));
    }

    private void awaitPortFree() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (ServerSocket s = new ServerSocket(httpPort)) {
                return;
            } catch (IOException busy) {
                Thread.sleep(100);
            }
        }
    }

    private void deleteExtractedCopies() {
        try (Stream<Path> dirs = Files.list(workDir)) {
            for (Path dir : dirs.filter(p -> p.getFileName().toString().startsWith("server-")).toList()) {
                try (Stream<Path> all = Files.walk(dir)) {
                    all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            // leftovers under target/ are harmless
        }
    }

    private static String mariadbBaseUrl() {
        return System.getProperty("beacon.it.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/");
    }

    private static void adminSql(String sql) throws IOException {
        try (Connection c = DriverManager.getConnection(mariadbBaseUrl(),
                System.getProperty("beacon.it.mariadb.user", "root"),
                System.getProperty("beacon.it.mariadb.password", ""));
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IOException("MariaDB at " + mariadbBaseUrl() + " refused '" + sql + "': " + e.getMessage(), e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freeUdpPort() throws IOException {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
