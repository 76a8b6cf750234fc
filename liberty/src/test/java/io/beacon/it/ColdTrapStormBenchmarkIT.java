package io.beacon.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.beacon.it.support.BeaconServer;
import io.beacon.it.support.PacedTrapFlood;
import io.beacon.it.support.Snmptrapd;
import io.beacon.it.support.TrapSender;
import io.beacon.it.support.UdpDrops;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.snmp4j.PDU;

/**
 * The first storm after a restart, side by side with net-snmp (prints figures, asserts only that
 * nothing is counted that was not sent). A server of its own, fresh on H2, no warm-up: once it is
 * ready, 200 CIs (127.0.2.1-200) are imported in one call, and less than a second after that
 * call answered, those 200 addresses send v2c linkDown traps at 5,000/s for 2 s (each source a
 * new alarm that opens an incident), then, once the counts have settled, at 20,000/s for 3 s.
 * Every datagram goes from the same socket to Beacon and to {@code snmptrapd -n} (Debian package
 * snmptrapd; without it the run has no comparison). Per phase: sent, accounted for in Beacon's
 * alarm counts, logged by snmptrapd, the kernel's receive-buffer drops at each port, and Beacon's
 * own counters; then trap → incident latencies for the 200 and server start → first trap.
 * Off by default; run it with
 * {@code ./mvnw -o verify -Dbeacon.it.skip.mariadb=true -Dbeacon.h2.kill=false -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ColdTrapStormBenchmarkIT -Dbeacon.benchmark=true}.
 */
class ColdTrapStormBenchmarkIT {
    static final int SOURCES = 200;
    static final String PREFIX = "127.0.2.";
    static final int[] RATES = {5_000, 20_000};
    static final double[] SECONDS = {2, 3};

    @Test
    void firstStormAfterARestart() throws Exception {
        assumeTrue(Boolean.getBoolean("beacon.benchmark"), "benchmark off (-Dbeacon.benchmark=true runs it)");
        assumeTrue("h2".equals(System.getProperty("beacon.it.db", "h2")), "the embedded database, as a first start has it");
        Path dir = Files.createTempDirectory(Path.of("target"), "cold-storm-");
        Snmptrapd trapd = Snmptrapd.start(dir.resolve("snmptrapd"));
        if (trapd == null) {
            System.out.println("COLD snmptrapd not installed (Debian package snmptrapd): no comparison");
        }
        BeaconServer server = BeaconServer.withDefaultDataDirectory();
        String recording = System.getProperty("beacon.benchmark.jfr");
        if (recording != null) {
            // -Dbeacon.benchmark.jfr=<file>: a flight recording of the server (profile settings), to find where a cold storm waits.
            server.with("JAVA_TOOL_OPTIONS", "-XX:FlightRecorderOptions=stackdepth=512 -XX:StartFlightRecording=settings=profile,filename=" + Path.of(recording).toAbsolutePath());
        }
        String javaOptions = System.getProperty("beacon.benchmark.java.options");
        if (javaOptions != null) {
            // -Dbeacon.benchmark.java.options=...: the server JVM's options as given (a profiler agent, say), in place of the recording.
            server.with("JAVA_TOOL_OPTIONS", javaOptions);
        }
        // -Dbeacon.benchmark.server.env=NAME=value,NAME=value: settings for the server under test (e.g. BEACON_EVENTS_REHEARSAL_EVENTS).
        for (String setting : System.getProperty("beacon.benchmark.server.env", "").split(",")) {
            if (setting.contains("=")) {
                server.with(setting.substring(0, setting.indexOf('=')).strip(), setting.substring(setting.indexOf('=') + 1).strip());
            }
        }
        try {
            long launched = System.nanoTime();
            server.start();
            long ready = System.nanoTime();
            storm(server, trapd, launched, ready);
        } finally {
            server.close();
            if (trapd != null) {
                trapd.close();
            }
        }
    }

    private void storm(BeaconServer server, Snmptrapd trapd, long launched, long ready) throws Exception {
        List<String> sources = IntStream.rangeClosed(1, SOURCES).mapToObj(i -> PREFIX + i).toList();
        List<InetSocketAddress> receivers = new ArrayList<>();
        receivers.add(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.trapPort()));
        if (trapd != null) {
            receivers.add(new InetSocketAddress(InetAddress.getLoopbackAddress(), trapd.port()));
        }
        byte[] trap = TrapSender.encodedV2cTrap("public", TrapSender.link(TrapSender.LINK_DOWN, 1, null, PDU.TRAP));
        Path serverLog = server.workDir().resolve("server.log");
        String grantedBuffer = lines(serverLog).stream().filter(l -> l.contains("SNMP trap receiver listening"))
                .map(l -> l.replaceAll(".*(receive buffer [^)]*).*", "$1")).findFirst().orElse("?");

        try (PacedTrapFlood flood = new PacedTrapFlood(sources, receivers, trap)) {
            String scrapedBefore = scrape(server);
            Map<String, Double> metricsBefore = counters(scrapedBefore);
            long dropsBefore = UdpDrops.atPort(server.trapPort());
            long trapdDropsBefore = trapd == null ? -1 : UdpDrops.atPort(trapd.port());
            admin(server).contentType("text/csv").body(cisCsv()).post("/api/cis/import").then().statusCode(200);
            long cisAnswered = System.nanoTime();
            IncidentWatch watch = new IncidentWatch(server, sources);
            watch.start();

            List<Row> rows = new ArrayList<>();
            long accountedSoFar = 0;
            long loggedSoFar = 0;
            for (int i = 0; i < RATES.length; i++) {
                PacedTrapFlood.Phase phase = flood.run(RATES[i], SECONDS[i]);
                Settled settled = settle(server, trapd);
                String scraped = scrape(server); // the server's quantiles cover a recent window: read them per phase
                Map<String, Double> metricsAfter = counters(scraped);
                long drops = UdpDrops.atPort(server.trapPort());
                long trapdDrops = trapd == null ? -1 : UdpDrops.atPort(trapd.port());
                rows.add(new Row(phase, settled.accounted - accountedSoFar, trapd == null ? -1 : settled.logged - loggedSoFar,
                        drops - dropsBefore, trapdDrops - trapdDropsBefore, settled.seconds, delta(metricsBefore, metricsAfter),
                        quantiles(scraped, "beacon_events_latency_seconds"), quantiles(scraped, "beacon_incidents_latency_seconds"),
                        stage(scrapedBefore, scraped, "beacon_events_batch_write_seconds"),
                        stage(scrapedBefore, scraped, "beacon_incidents_stage_seconds")));
                scrapedBefore = scraped;
                accountedSoFar = settled.accounted;
                loggedSoFar = settled.logged;
                metricsBefore = metricsAfter;
                dropsBefore = drops;
                trapdDropsBefore = trapdDrops;
            }
            watch.stop();
            long firstTrap = Arrays.stream(flood.firstSentNanos()).filter(t -> t > 0).min().orElse(0);
            report(server, rows, watch, flood.firstSentNanos(), launched, ready, cisAnswered, firstTrap, grantedBuffer,
                    serverLog);
            for (Row r : rows) {
                assertThat(r.accounted).as("accounted for at %d/s", r.phase.targetPerSecond()).isLessThanOrEqualTo(r.phase.sent());
            }
        }
    }

    private record Row(PacedTrapFlood.Phase phase, long accounted, long logged, long beaconKernelDrops,
            long trapdKernelDrops, double settleSeconds, Map<String, Double> counters, String serverAlarmLatency,
            String serverIncidentLatency, String writerPerBatch, String incidentStagePerBatch) {}

    private record Settled(long accounted, long logged, double seconds) {}

    private static void report(BeaconServer server, List<Row> rows, IncidentWatch watch, long[] firstSent, long launched,
            long ready, long cisAnswered, long firstTrap, String grantedBuffer, Path serverLog) throws IOException {
        System.out.printf("%nCOLD server launched → ready %.1f s; ready → 200 CIs imported %.2f s; CIs answered → first trap"
                + " %.0f ms; server launched → first trap %.1f s; Beacon's %s%n", (ready - launched) / 1e9,
                (cisAnswered - ready) / 1e9, (firstTrap - cisAnswered) / 1e6, (firstTrap - launched) / 1e9, grantedBuffer);
        System.out.printf("COLD %-14s %8s %8s %9s %9s %6s %9s %9s %8s %8s%n", "phase", "sent", "sent/s", "Beacon", "snmptrapd",
                "ratio", "Beacon", "snmptrapd", "lag max", "settled");
        System.out.printf("COLD %-14s %8s %8s %9s %9s %6s %9s %9s %8s %8s%n", "", "", "", "accounted", "logged", "", "kernel dr",
                "kernel dr", "ms", "s");
        for (Row r : rows) {
            System.out.printf("COLD %-14s %8d %8.0f %9d %9s %6s %9d %9s %8.1f %8.1f%n",
                    r.phase.targetPerSecond() + "/s x " + (int) r.phase.plannedSeconds() + " s", r.phase.sent(),
                    r.phase.achievedPerSecond(), r.accounted, r.logged < 0 ? "-" : Long.toString(r.logged),
                    r.logged <= 0 ? "-" : String.format("%.2f", (double) r.accounted / r.logged), r.beaconKernelDrops,
                    r.trapdKernelDrops < 0 ? "-" : Long.toString(r.trapdKernelDrops), r.phase.maxLagMillis(), r.settleSeconds);
        }
        for (Row r : rows) {
            System.out.printf("COLD %d/s Beacon counters (delta): %s%n", r.phase.targetPerSecond(), r.counters);
            System.out.printf("COLD %d/s on the pipeline's thread: the writer %s; the incident stage %s%n",
                    r.phase.targetPerSecond(), r.writerPerBatch, r.incidentStagePerBatch);
            System.out.printf("COLD %d/s server side, read once settled: trap → alarm (receive to commit) p50/p99 %s ms;"
                    + " trap → incident p50/p99 %s ms%n", r.phase.targetPerSecond(), r.serverAlarmLatency,
                    r.serverIncidentLatency);
        }
        long[] latencies = watch.latencies(firstSent);
        long opened = Arrays.stream(latencies).filter(l -> l >= 0).count();
        long[] sorted = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
        System.out.printf("COLD trap → incident (client side: first trap of a source → its alarm shows an incident, polled"
                + " every ~%d ms): %d of %d opened; p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", IncidentWatch.POLL_MILLIS,
                opened, SOURCES, pct(sorted, 0.50) / 1e6, pct(sorted, 0.99) / 1e6, pct(sorted, 1.0) / 1e6);
        long firstTrapSent = Arrays.stream(firstSent).filter(t -> t > 0).min().orElse(0);
        StringBuilder polls = new StringBuilder();
        synchronized (watch.polls) {
            for (long[] p : watch.polls) {
                polls.append(String.format(" %+d:%d%s", (p[0] - firstTrapSent) / 1_000_000, p[1], p[2] == 1 ? "!" : ""));
            }
        }
        System.out.println("COLD the watch's polls (sent ms after the first trap:answered in ms, ! failed):" + polls);
        System.out.printf("COLD trap → incident in the server (its histogram, read when the 200th incident was seen): p50/p99 %s ms%n",
                watch.serverLatencyAtLast);
        List<String> log = lines(serverLog);
        long failedTwice = log.stream().filter(l -> l.contains("failed twice")).count();
        long optimistic = log.stream().filter(l -> l.contains("OptimisticLock")).count();
        System.out.printf("COLD server log: %d 'failed twice' batch fall-backs, %d lines naming OptimisticLock; log %s%n",
                failedTwice, optimistic, serverLog);
        log.stream().filter(l -> l.contains("failed twice")).limit(5).forEach(l -> System.out.println("COLD   " + l));
    }

    /**
     * Polls the alarms until their counts, and snmptrapd's log, stop moving for 3 s with Beacon's event queue empty
     * (the writer may stall for seconds with a backlog: counts that stand still are not yet final), at most 180 s.
     */
    private static Settled settle(BeaconServer server, Snmptrapd trapd) throws Exception {
        long begin = System.nanoTime();
        long accounted = -1;
        long logged = -1;
        int stable = 0;
        while (stable < 3 && System.nanoTime() - begin < 180_000_000_000L) {
            Thread.sleep(1000);
            long a = alarmsOfTheStorm(server).values().stream().mapToLong(AlarmSeen::count).sum();
            long l = trapd == null ? 0 : trapd.logged();
            double queued = sample(scrape(server), "beacon_events_queue_depth", "");
            stable = a == accounted && l == logged && queued == 0 ? stable + 1 : 0;
            accounted = a;
            logged = l;
        }
        return new Settled(accounted, logged, (System.nanoTime() - begin) / 1e9 - 3);
    }

    private record AlarmSeen(long count, boolean withIncident) {}

    /** The storm's alarms by source address: their counts summed, and whether any of them has an incident. */
    static Map<String, AlarmSeen> alarmsOfTheStorm(BeaconServer server) {
        List<Map<String, Object>> items = admin(server).queryParam("q", "linkDown").queryParam("size", 1000)
                .get("/api/alarms").then().statusCode(200).extract().jsonPath().getList("items");
        Map<String, AlarmSeen> out = new TreeMap<>();
        for (Map<String, Object> a : items) {
            Object source = a.get("sourceAddress");
            if (source instanceof String s && s.startsWith(PREFIX)) {
                AlarmSeen seen = new AlarmSeen(((Number) a.get("count")).longValue(), a.get("incidentKey") != null);
                out.merge(s, seen, (x, y) -> new AlarmSeen(x.count + y.count, x.withIncident || y.withIncident));
            }
        }
        return out;
    }

    /** Watches, every ~250 ms, for the moment each source's alarm first shows an incident. */
    static final class IncidentWatch {
        static final int POLL_MILLIS = 250; // harder polling takes the server CPU from the incidents it measures
        private final BeaconServer server;
        private final List<String> sources;
        private final long[] seenAt;
        private final Thread thread;
        private volatile boolean running = true;
        volatile String serverLatencyAtLast = "-";
        /** Each poll: when it was sent, how long its answer took (ms), whether it failed (what the client's figure is made of). */
        final List<long[]> polls = java.util.Collections.synchronizedList(new ArrayList<>());

        IncidentWatch(BeaconServer server, List<String> sources) {
            this.server = server;
            this.sources = sources;
            this.seenAt = new long[sources.size()];
            this.thread = new Thread(this::watch, "incident-watch");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        private void watch() {
            int open = 0;
            while (running && open < sources.size()) {
                long asked = System.nanoTime();
                try {
                    Map<String, AlarmSeen> alarms = alarmsOfTheStorm(server);
                    long now = System.nanoTime();
                    polls.add(new long[] {asked, (now - asked) / 1_000_000, 0});
                    for (int i = 0; i < sources.size(); i++) {
                        AlarmSeen a = alarms.get(sources.get(i));
                        if (seenAt[i] == 0 && a != null && a.withIncident()) {
                            seenAt[i] = now;
                            open++;
                        }
                    }
                    if (open == sources.size()) {
                        serverLatencyAtLast = quantiles(scrape(server), "beacon_incidents_latency_seconds");
                    }
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException busy) {
                    // a slow answer in the storm: ask again
                    polls.add(new long[] {asked, (System.nanoTime() - asked) / 1_000_000, 1});
                }
            }
        }

        /** Per source, nanoseconds from its first trap to its incident; -1 where none was seen. */
        long[] latencies(long[] firstSent) {
            long[] out = new long[seenAt.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = seenAt[i] == 0 || firstSent[i] == 0 ? -1 : seenAt[i] - firstSent[i];
            }
            return out;
        }
    }

    private static String cisCsv() {
        StringBuilder csv = new StringBuilder("name,type,hostname,ipAddresses\n");
        for (int i = 1; i <= SOURCES; i++) {
            csv.append(String.format("cold-%03d,server,cold-%03d.storm.example,%s%d%n", i, i, PREFIX, i));
        }
        return csv.toString();
    }

    static RequestSpecification admin(BeaconServer server) {
        return given().baseUri(server.baseUrl()).auth().preemptive().basic("admin", BeaconServer.ADMIN_PASSWORD);
    }

    private static String scrape(BeaconServer server) {
        return given().relaxedHTTPSValidation().baseUri("https://localhost").port(server.httpsPort()).auth().preemptive()
                .basic("admin", BeaconServer.ADMIN_PASSWORD).get("/metrics").then().statusCode(200).extract().asString();
    }

    /** Beacon's trap and event counters (every sample of beacon_traps_* and beacon_events_*, not the histograms). */
    private static Map<String, Double> counters(String scraped) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String line : scraped.split("\n")) {
            if ((line.startsWith("beacon_traps_") || line.startsWith("beacon_events_")) && !line.contains("_seconds")) {
                int space = line.lastIndexOf(' ');
                out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return out;
    }

    private static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> out = new TreeMap<>();
        after.forEach((k, v) -> {
            double d = v - before.getOrDefault(k, 0.0);
            if (d != 0) {
                out.put(k.replace("_total", ""), d);
            }
        });
        return out;
    }

    /** A per-batch timer over a phase: batches, their total time, and (over the timer's recent window) p50/p99 and max. */
    private static String stage(String before, String after, String name) {
        double batches = sample(after, name + "_count", "") - sample(before, name + "_count", "");
        double total = sample(after, name + "_sum", "") - sample(before, name + "_sum", "");
        return String.format("%.0f batches, %.0f ms in all, per batch p50/p99 %s ms, max %.0f ms", batches, total * 1000,
                quantiles(after, name), sample(after, name + "_max", "") * 1000);
    }

    private static String quantiles(String metrics, String name) {
        return String.format("%.0f / %.0f", sample(metrics, name, "quantile=\"0.5\"") * 1000,
                sample(metrics, name, "quantile=\"0.99\"") * 1000);
    }

    private static double sample(String metrics, String name, String label) {
        return Arrays.stream(metrics.split("\n")).filter(l -> l.startsWith(name + "{") && l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1))];
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8).lines().toList()
                : List.of();
    }
}
