package io.beacon.cluster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.beacon.it.support.BeaconServer;
import io.beacon.it.support.Poll;
import io.beacon.it.support.TrapSender;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.snmp4j.PDU;

/**
 * A collector and a core node around a Kafka broker, each its own process: INFORMs flood the
 * collector while the broker is killed and restarted (the collector answers from its spool), while
 * the collector itself is killed (SIGKILL) and restarted, then the core node is killed in the flow; every INFORM
 * the collector answered must be counted in its alarm on the core, and none counted twice (an
 * alarm's count never passes what was sent for it). Prints the answered rate through Kafka and,
 * for comparison, into a single node. Opt-in: {@code -Dbeacon.cluster=true} (several minutes:
 * three Beacon starts and two restarts); the core's database follows {@code beacon.it.db}.
 */
class ClusterIngestIT {
    /** Senders at once, each a device of its own (127.0.0.x) with one interface: one alarm each. */
    private static final int DEVICES = 8;
    private static final long INFORM_TIMEOUT_MILLIS = 5000;

    @Test
    void everyAnsweredInformIsCountedOnceThroughKillsOfTheCollectorAndTheCore() throws Exception {
        assumeTrue(Boolean.getBoolean("beacon.cluster"), "opt-in (-Dbeacon.cluster=true runs it)");
        Path work = Files.createTempDirectory(Path.of("target"), "cluster-").toAbsolutePath();
        String db = System.getProperty("beacon.it.db", "h2");
        Flood.Result cold;
        Flood.Result warm;
        try (KafkaBroker broker = KafkaBroker.start(work.resolve("kafka"))) {
            BeaconServer core = BeaconServer.on(db).with("BEACON_NODE_ROLE", "core").with("BEACON_NODE_NAME", "core-1")
                    .with("BEACON_KAFKA_BOOTSTRAP", broker.bootstrap());
            // A collector keeps its own embedded H2 (no shared database) and needs no demo data.
            BeaconServer collector = BeaconServer.on("h2").with("BEACON_NODE_ROLE", "collector")
                    .with("BEACON_NODE_NAME", "collector-1").with("BEACON_KAFKA_BOOTSTRAP", broker.bootstrap())
                    .with("BEACON_DEMO_DATA", "false");
            try {
                core.start();
                collector.start();

                // A webhook into the collector (its own admin: it has its own users) reaches the core's alarms.
                given().baseUri(collector.baseUrl()).auth().preemptive().basic("admin", BeaconServer.ADMIN_PASSWORD)
                        .contentType(ContentType.JSON)
                        .body("{\"name\": \"ClusterProbe\", \"severity\": \"minor\", \"key\": \"cluster-webhook\"}")
                        .post("/api/events").then().statusCode(200);
                Poll.until(() -> counts(core).get("api:cluster-webhook"), c -> c != null && c == 1, Duration.ofSeconds(60),
                        "the webhook's alarm on the core");

                Flood flood = new Flood(collector.trapPort());
                cold = flood.runFor(Duration.ofSeconds(10));
                print("through Kafka (collector -> core), first 10 s after start", cold);
                warm = flood.runFor(Duration.ofSeconds(10));
                print("through Kafka (collector -> core), next 10 s", warm);
                long accountedFrom = System.nanoTime();
                awaitAccounted(core, flood);
                System.out.printf("CLUSTER all %d answered INFORMs counted on the core %d ms after the flood ended%n",
                        flood.answeredTotal(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - accountedFrom));

                // Kafka itself gone: the collector answers from its spool, which drains once the broker is back.
                Flood.Running cut = flood.start();
                Thread.sleep(2000); // the flood at full speed first
                broker.kill();
                flood.awaitAnswers(cut, 500); // answered while no broker runs: from the spool
                broker.restart();
                print("through Kafka, with the broker killed and restarted", cut.stop());
                awaitAccounted(core, flood);

                // Kill -9 the collector in the middle of a flood and start it again at once.
                Flood.Running running = flood.start();
                Thread.sleep(3000); // let the flood reach full speed before the kill
                collector.kill();
                long down = System.nanoTime();
                collector.start();
                System.out.printf("CLUSTER collector killed and ready again after %d ms%n",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - down));
                flood.awaitAnswers(running, 200);
                // Then the core, while the events flow: offsets are committed only after the database
                // commit, so what it wrote but had not committed in Kafka comes again and must not count twice.
                Thread.sleep(3000);
                core.kill();
                Flood.Result afterKills = running.stop(); // the collector answers on (Kafka has them); stop piling up
                print("through Kafka until the core's kill", afterKills);
                core.start();
                awaitAccounted(core, flood);
                System.out.printf("CLUSTER redeliveries the core refused by event id (beacon_events_duplicates_total): %.0f%n",
                        metric(core, "beacon_events_duplicates_total"));
                assertNoDuplicates(core, flood);
            } finally {
                collector.close();
                core.close();
            }
        }
        // The same flood into one node (BEACON_NODE_ROLE=all, the in-process queue), for comparison.
        BeaconServer single = BeaconServer.on(db);
        try {
            single.start();
            Flood flood = new Flood(single.trapPort());
            print("single node, first 10 s after start", flood.runFor(Duration.ofSeconds(10)));
            print("single node, next 10 s", flood.runFor(Duration.ofSeconds(10)));
            awaitAccounted(single, flood);
            assertNoDuplicates(single, flood);
        } finally {
            single.close();
        }
    }

    /**
     * Waits until every answered INFORM is counted; a writer catching up on a backlog may take long on
     * a loaded machine, so this fails only when the counts stop growing for a minute.
     */
    private static void awaitAccounted(BeaconServer server, Flood flood) throws InterruptedException {
        long last = -1;
        long stalledSince = System.nanoTime();
        while (true) {
            List<String> missing = missing(server, flood);
            if (missing.isEmpty()) {
                return;
            }
            long counted = countsByDevice(server).values().stream().mapToLong(Long::longValue).sum();
            if (counted != last) {
                last = counted;
                stalledSince = System.nanoTime();
            } else if (System.nanoTime() - stalledSince > TimeUnit.SECONDS.toNanos(60)) {
                throw new AssertionError("answered INFORMs not counted, and no progress for 60 s: " + missing);
            }
            Thread.sleep(500);
        }
    }

    private static double metric(BeaconServer server, String name) {
        String text = given().relaxedHTTPSValidation().baseUri("https://localhost").port(server.httpsPort()).auth()
                .preemptive().basic("admin", BeaconServer.ADMIN_PASSWORD).get("/metrics").then().statusCode(200)
                .extract().asString();
        return text.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** Devices whose alarm counts fewer events than the INFORMs answered for it. */
    private static List<String> missing(BeaconServer server, Flood flood) {
        Map<String, Long> counts = countsByDevice(server);
        List<String> short_ = new ArrayList<>();
        for (int i = 0; i < DEVICES; i++) {
            long counted = counts.getOrDefault(Flood.device(i), 0L);
            if (counted < flood.answered[i].get()) {
                short_.add(Flood.device(i) + ": " + counted + " counted < " + flood.answered[i].get() + " answered");
            }
        }
        return short_;
    }

    private static void assertNoDuplicates(BeaconServer server, Flood flood) {
        Map<String, Long> counts = countsByDevice(server);
        for (int i = 0; i < DEVICES; i++) {
            assertThat(counts.getOrDefault(Flood.device(i), 0L))
                    .as("alarm count of %s: at least every answered INFORM, never more than were sent", Flood.device(i))
                    .isBetween(flood.answered[i].get(), flood.sent[i].get());
        }
    }

    private static Map<String, Long> counts(BeaconServer server) {
        Map<String, Long> byKey = new HashMap<>();
        for (Map<String, Object> a : alarms(server)) {
            byKey.put((String) a.get("reductionKey"), ((Number) a.get("count")).longValue());
        }
        return byKey;
    }

    private static Map<String, Long> countsByDevice(BeaconServer server) {
        Map<String, Long> byDevice = new HashMap<>();
        for (Map<String, Object> a : alarms(server)) {
            if ("linkDown".equals(a.get("name")) && a.get("sourceAddress") != null) {
                byDevice.merge((String) a.get("sourceAddress"), ((Number) a.get("count")).longValue(), Long::sum);
            }
        }
        return byDevice;
    }

    private static List<Map<String, Object>> alarms(BeaconServer server) {
        return given().baseUri(server.baseUrl()).auth().preemptive().basic("agent", "agent-demo-pass")
                .accept(ContentType.JSON).queryParam("size", 100).get("/api/alarms").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    private static void print(String what, Flood.Result r) throws IOException {
        System.out.printf("CLUSTER %-55s %6d sent %6d answered in %5d ms: %7.0f answered/s (load %s)%n", what, r.sent(),
                r.answered(), r.millis(), r.answered() * 1000.0 / Math.max(1, r.millis()),
                Files.readString(Path.of("/proc/loadavg")).strip());
    }

    /** INFORMs from {@link #DEVICES} senders at once, each waiting for its answer before the next. */
    static final class Flood {
        final AtomicLong[] sent = new AtomicLong[DEVICES];
        final AtomicLong[] answered = new AtomicLong[DEVICES];
        private final int port;

        record Result(long sent, long answered, long millis) {}

        Flood(int port) {
            this.port = port;
            for (int i = 0; i < DEVICES; i++) {
                sent[i] = new AtomicLong();
                answered[i] = new AtomicLong();
            }
        }

        static String device(int i) {
            return "127.0.0." + (20 + i);
        }

        long answeredTotal() {
            long n = 0;
            for (AtomicLong a : answered) {
                n += a.get();
            }
            return n;
        }

        long sentTotal() {
            long n = 0;
            for (AtomicLong s : sent) {
                n += s.get();
            }
            return n;
        }

        Result runFor(Duration d) throws Exception {
            Running r = start();
            Thread.sleep(d.toMillis());
            return r.stop();
        }

        Running start() {
            return new Running(this);
        }

        /** Waits until {@code n} more INFORMs were answered (the restarted collector answers again). */
        void awaitAnswers(Running running, long n) {
            long from = answeredTotal();
            Poll.until(this::answeredTotal, a -> a >= from + n, Duration.ofSeconds(120), n + " more answered INFORMs");
        }

        static final class Running {
            private final Flood flood;
            private final AtomicBoolean stop = new AtomicBoolean();
            private final ExecutorService pool = Executors.newFixedThreadPool(DEVICES);
            private final List<Future<?>> senders = new ArrayList<>();
            private final long begin = System.nanoTime();
            private final long sentBefore;
            private final long answeredBefore;

            Running(Flood flood) {
                this.flood = flood;
                this.sentBefore = flood.sentTotal();
                this.answeredBefore = flood.answeredTotal();
                for (int i = 0; i < DEVICES; i++) {
                    int device = i;
                    senders.add(pool.submit(() -> {
                        try (TrapSender sender = new TrapSender(flood.port, device(device))) {
                            while (!stop.get()) {
                                flood.sent[device].incrementAndGet();
                                PDU answer = sender.inform("public",
                                        TrapSender.link(TrapSender.LINK_DOWN, 100 + device, null, PDU.INFORM),
                                        INFORM_TIMEOUT_MILLIS);
                                if (answer != null) {
                                    flood.answered[device].incrementAndGet();
                                }
                            }
                        }
                        return null;
                    }));
                }
            }

            Result stop() throws Exception {
                stop.set(true);
                for (Future<?> f : senders) {
                    f.get(INFORM_TIMEOUT_MILLIS * 3, TimeUnit.MILLISECONDS);
                }
                pool.shutdown();
                return new Result(flood.sentTotal() - sentBefore, flood.answeredTotal() - answeredBefore,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
            }
        }
    }
}
