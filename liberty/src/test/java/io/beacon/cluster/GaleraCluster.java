package io.beacon.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Three (or more) local MariaDB Galera nodes on loopback ports, each a {@code mariadbd} process of
 * its own with Debian's {@code galera-4} provider: the first bootstraps the cluster, the others join
 * it by rsync state transfer. Configured as Camunda documents for Galera (row binlog, interleaved
 * auto-increment locks, READ-COMMITTED, {@code wsrep_sync_wait=7}); clients reach them through
 * {@link #jdbcUrl(String)}, a {@code jdbc:mariadb:sequential://} address over every node.
 * {@link #kill(int)} is a crash (SIGKILL); the others stay primary as long as a majority remains.
 */
public final class GaleraCluster implements AutoCloseable {
    private static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");
    private static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
    private static final Path PROVIDER = Path.of("/usr/lib/galera/libgalera_smm.so");
    private static final Duration READY_WITHIN = Duration.ofSeconds(120);

    private final Path dir;
    private final List<Node> nodes = new ArrayList<>();

    private GaleraCluster(Path dir) {
        this.dir = dir;
    }

    /** Whether this machine can run the cluster: Debian's mariadb-server, galera-4 and rsync installed. */
    public static boolean available() {
        return Files.isExecutable(MARIADBD) && Files.isExecutable(INSTALL_DB) && Files.exists(PROVIDER) && onPath("rsync");
    }

    /** Bootstraps {@code size} nodes under {@code workDir}, one after the other, each ready and synced before the next. */
    public static GaleraCluster start(Path workDir, int size) throws IOException, InterruptedException {
        GaleraCluster cluster = new GaleraCluster(workDir);
        Files.createDirectories(workDir);
        if (asRoot()) { // the mysql user must reach its nodes' directories
            io.beacon.it.support.ServiceUserAccess.letThrough(workDir);
        }
        for (int i = 0; i < size; i++) {
            cluster.nodes.add(new Node(i + 1, workDir.resolve("node-" + (i + 1)), freePort(), freePort(), freePort(), freePort()));
        }
        try {
            cluster.install(cluster.nodes.get(0));
            for (Node node : cluster.nodes) {
                cluster.launch(node, node == cluster.nodes.get(0));
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** The address Beacon (and Camunda) use: every node in order, the driver moving on when one fails. */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb:sequential://" + nodes.stream().map(n -> "127.0.0.1:" + n.port).collect(Collectors.joining(","))
                + "/" + database;
    }

    /** A connection to one node (1-based), as root, for the test's own checks. */
    public Connection connection(int node, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + nodes.get(node - 1).port + "/" + database, "root", "");
    }

    /** A connection to any node still running, as root. */
    public Connection anyConnection(String database) throws SQLException {
        SQLException last = null;
        for (Node n : nodes) {
            if (n.process != null && n.process.isAlive()) {
                try {
                    return connection(n.number, database);
                } catch (SQLException e) {
                    last = e;
                }
            }
        }
        throw last != null ? last : new SQLException("no Galera node runs");
    }

    public void createDatabase(String database) throws SQLException {
        try (Connection c = connection(1, ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    /** The cluster's size as one running node sees it ({@code wsrep_cluster_size}). */
    public int size() throws SQLException {
        try (Connection c = anyConnection(""); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SHOW STATUS LIKE 'wsrep_cluster_size'")) {
            return r.next() ? r.getInt(2) : 0;
        }
    }

    /** A crash of one node (1-based): SIGKILL, nothing flushed. */
    public void kill(int node) throws InterruptedException {
        Node n = nodes.get(node - 1);
        if (n.process != null) {
            n.process.destroyForcibly();
            n.process.waitFor();
            n.process = null;
        }
    }

    @Override
    public void close() {
        for (Node n : nodes) {
            if (n.process != null) {
                n.process.destroy(); // a clean stop
            }
        }
        for (Node n : nodes) {
            if (n.process != null) {
                try {
                    n.process.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                n.process = null;
            }
        }
    }

    private void install(Node first) throws IOException, InterruptedException {
        Files.createDirectories(first.data);
        own(first.dir);
        List<String> command = new ArrayList<>(List.of(INSTALL_DB.toString(), "--no-defaults",
                "--datadir=" + first.data, "--auth-root-authentication-method=normal"));
        command.addAll(userOption());
        Path log = first.dir.resolve("install.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("mariadb-install-db failed; see " + log);
        }
    }

    private void launch(Node node, boolean bootstrap) throws IOException, InterruptedException {
        Files.createDirectories(node.data);
        own(node.dir);
        String members = nodes.stream().map(n -> "127.0.0.1:" + n.galeraPort).collect(Collectors.joining(","));
        List<String> command = new ArrayList<>(List.of(MARIADBD.toString(), "--no-defaults",
                "--datadir=" + node.data, "--port=" + node.port, "--bind-address=127.0.0.1",
                "--socket=" + node.dir.resolve("mariadb.sock"), "--pid-file=" + node.dir.resolve("mariadb.pid"),
                "--log-error=" + node.dir.resolve("error.log"),
                "--innodb-buffer-pool-size=256M", "--max-connections=400",
                // Camunda's documented Galera server settings.
                "--binlog-format=ROW", "--default-storage-engine=InnoDB", "--innodb-autoinc-lock-mode=2",
                "--transaction-isolation=READ-COMMITTED", "--wsrep-sync-wait=7",
                "--wsrep-on=ON", "--wsrep-provider=" + PROVIDER, "--wsrep-cluster-name=beacon-it",
                "--wsrep-cluster-address=gcomm://" + members, "--wsrep-node-name=node-" + node.number,
                "--wsrep-node-address=127.0.0.1:" + node.galeraPort,
                "--wsrep-provider-options=base_port=" + node.galeraPort + ";ist.recv_addr=127.0.0.1:" + node.istPort,
                "--wsrep-sst-method=rsync", "--wsrep-sst-receive-address=127.0.0.1:" + node.sstPort));
        command.addAll(userOption());
        if (bootstrap) {
            command.add("--wsrep-new-cluster");
        }
        node.process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(node.dir.resolve("mariadbd.out").toFile())).start();
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (!synced(node)) {
            if (!node.process.isAlive()) {
                throw new IllegalStateException("Galera node " + node.number + " exited; see " + node.dir.resolve("error.log"));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Galera node " + node.number + " not synced within " + READY_WITHIN
                        + "; see " + node.dir.resolve("error.log"));
            }
            Thread.sleep(250);
        }
        System.out.printf("Galera node %d synced on 127.0.0.1:%d, log %s%n", node.number, node.port,
                node.dir.resolve("error.log"));
    }

    private static boolean synced(Node node) {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + node.port + "/?connectTimeout=500",
                "root", ""); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SHOW STATUS LIKE 'wsrep_local_state_comment'")) {
            return r.next() && "Synced".equals(r.getString(2));
        } catch (SQLException notYet) {
            return false;
        }
    }

    /**
     * As root, the nodes run as Debian's {@code mysql} user (mariadbd refuses root unless told, and the
     * rsync state transfer's daemon would write as nobody); as anyone else they run as that user.
     */
    private static List<String> userOption() {
        return asRoot() ? List.of("--user=mysql") : List.of();
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The node's directory belongs to the user it runs as. */
    private static void own(Path dir) throws IOException, InterruptedException {
        if (asRoot() && new ProcessBuilder("chown", "-R", "mysql:mysql", dir.toString()).inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException("Could not give " + dir + " to the mysql user");
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String d : path.split(":")) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Node {
        final int number;
        final Path dir;
        final Path data;
        final int port;
        final int galeraPort;
        final int istPort;
        final int sstPort;
        Process process;

        Node(int number, Path dir, int port, int galeraPort, int istPort, int sstPort) {
            this.number = number;
            this.dir = dir;
            this.data = dir.resolve("data");
            this.port = port;
            this.galeraPort = galeraPort;
            this.istPort = istPort;
            this.sstPort = sstPort;
        }
    }

    @Override
    public String toString() {
        return "Galera cluster of " + nodes.size() + " nodes under " + dir;
    }
}
