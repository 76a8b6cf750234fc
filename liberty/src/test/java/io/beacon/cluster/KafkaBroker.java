package io.beacon.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A single-node Kafka 4.1 broker (KRaft, broker and controller in one process) for the cluster
 * tests, in a JVM of its own: its jars are Maven Central's alone and must never share a JVM with
 * the 3.9.1 clients that Beacon holds. The jars come from {@code src/test/kafka-broker/pom.xml},
 * copied into {@code target/kafka-broker/lib} by Maven on first use (offline first, then online).
 * <p>
 * Use: {@code KafkaBroker broker = KafkaBroker.start(workDir); broker.bootstrap(); ... broker.close();}
 * {@link #kill()} and {@link #restart()} keep the log directory, so that topics and committed
 * offsets survive as they would on a real broker.
 */
public final class KafkaBroker implements AutoCloseable {
    private static final Duration READY_WITHIN = Duration.ofSeconds(120);
    private static final String READY_LINE = "Kafka Server started";

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private Process process;
    private int starts;

    private KafkaBroker(Path dir, int port, int controllerPort) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Formats a fresh log directory under {@code workDir} and starts the broker on free loopback ports. */
    public static KafkaBroker start(Path workDir) throws IOException, InterruptedException {
        workDir = workDir.toAbsolutePath(); // the broker JVM runs in its own directory: a relative path would miss
        Files.createDirectories(workDir);
        KafkaBroker broker = new KafkaBroker(workDir, freePort(), freePort());
        broker.format();
        broker.launch();
        return broker;
    }

    /** What clients put in {@code bootstrap.servers} (and Beacon in {@code BEACON_KAFKA_BOOTSTRAP}). */
    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** A crash: SIGKILL, nothing flushed beyond what the broker had written. */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
            process = null;
        }
    }

    /** A clean stop (SIGTERM: the broker shuts down in order). */
    public synchronized void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
            process = null;
        }
    }

    /** Starts it again on the same ports and log directory (after {@link #kill()} or {@link #stop()}). */
    public synchronized void restart() throws IOException, InterruptedException {
        stop();
        launch();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void format() throws IOException, InterruptedException {
        Files.writeString(dir.resolve("server.properties"), properties(), StandardCharsets.UTF_8);
        String clusterId = run("random-uuid").strip().lines().reduce((a, b) -> b).orElseThrow();
        run("format", "-t", clusterId, "-c", dir.resolve("server.properties").toString());
    }

    private String properties() {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dir.resolve("logs"),
                // One broker: the internal topics cannot have more replicas than that.
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // Tests start consumers and expect them to get partitions now, not after 3 s.
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    /** A StorageTool command in a short-lived JVM; its output, or a failure naming it. */
    private String run(String... args) throws IOException, InterruptedException {
        List<String> command = java("kafka.tools.StorageTool");
        command.addAll(List.of(args));
        Path out = dir.resolve("storage-tool.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("Kafka StorageTool " + String.join(" ", args) + " failed; see " + out);
        }
        return Files.readString(out);
    }

    private synchronized void launch() throws IOException, InterruptedException {
        starts++;
        Path log = dir.resolve("broker-" + starts + ".log");
        List<String> command = java("kafka.Kafka");
        command.add(dir.resolve("server.properties").toString());
        process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (!(started(log) && accepts())) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Kafka broker exited with " + process.exitValue() + "; see " + log);
            }
            if (Instant.now().isAfter(deadline)) {
                kill();
                throw new IllegalStateException("The Kafka broker was not ready within " + READY_WITHIN + "; see " + log);
            }
            Thread.sleep(100);
        }
        System.out.printf("Kafka broker ready at %s (start %d), log %s%n", bootstrap(), starts, log);
    }

    private static boolean started(Path log) {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1).contains(READY_LINE);
        } catch (IOException e) {
            return false;
        }
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private List<String> java(String mainClass) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms64m");
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(jars().resolve("*").toString());
        command.add(mainClass);
        return command;
    }

    /** The broker's jars, copied once per build directory by Maven from the broker's own POM. */
    static synchronized Path jars() throws IOException, InterruptedException {
        Path base = Path.of(System.getProperty("beacon.liberty.basedir", ".")).toAbsolutePath();
        Path lib = base.resolve("target/kafka-broker/lib");
        if (Files.isDirectory(lib) && Files.exists(lib.resolve("COMPLETE"))) {
            return lib;
        }
        Path mvnw = base.resolveSibling("mvnw"); // the project's wrapper, beside liberty/
        Files.createDirectories(lib.getParent());
        // Offline first (the jars are usually in the local repository: .ci/run resolves them), then online.
        if (!copy(mvnw, base, lib, true) && !copy(mvnw, base, lib, false)) {
            throw new IllegalStateException("Could not get the Kafka broker's jars with " + mvnw + "; see "
                    + lib.getParent().resolve("resolve.log"));
        }
        Files.writeString(lib.resolve("COMPLETE"), "");
        return lib;
    }

    private static boolean copy(Path mvnw, Path base, Path lib, boolean offline) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(mvnw.toString(), "-B", "-q", "-f",
                base.resolve("src/test/kafka-broker/pom.xml").toString(),
                "dependency:copy-dependencies", "-DincludeScope=runtime", "-DoutputDirectory=" + lib));
        if (offline) {
            command.add(1, "-o");
        }
        Path out = lib.getParent().resolve("resolve.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        return p.waitFor() == 0;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
