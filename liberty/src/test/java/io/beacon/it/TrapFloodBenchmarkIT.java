package io.beacon.it;

import static io.beacon.it.support.Api.asAdmin;
import static io.beacon.it.support.Api.asDemo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.beacon.it.support.BeaconServer;
import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.Metrics;
import io.beacon.it.support.TrapSender;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.snmp4j.PDU;

/**
 * The trap path's benchmark (prints figures, asserts nothing timed). On a CMDB of 15,000 CIs it
 * floods the trap port with v2c linkDown traps from 200 source addresses on 127.0.0.0/8 (127.0.1.x, one
 * CI each), at rising rates, and reports for each rate how many traps were sent and how many
 * are accounted for in alarm counts, and the server's trap→alarm (receive to commit) and
 * trap→incident latencies. Off by default; run it with
 * {@code ./mvnw -o verify -Dbeacon.it.skip.mariadb=true -Dit.test=TrapFloodBenchmarkIT -Dbeacon.benchmark=true
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false} (rates: {@code -Dbeacon.benchmark.rates=5000,20000},
 * seconds per rate: {@code -Dbeacon.benchmark.seconds=10}).
 */
@ExtendWith(BeaconServerExtension.class)
class TrapFloodBenchmarkIT {
    static final int SOURCES = 200;
    static final int CIS = 15_000;

    @Test
    void floodTheTrapPort(BeaconServer server) throws Exception {
        assumeTrue(Boolean.getBoolean("beacon.benchmark"), "benchmark off (-Dbeacon.benchmark=true runs it)");
        int[] rates = Arrays.stream(System.getProperty("beacon.benchmark.rates", "2000,5000,10000,20000").split(","))
                .map(String::trim).mapToInt(Integer::parseInt).toArray();
        int seconds = Integer.getInteger("beacon.benchmark.seconds", 10);
        loadCmdb();
        Map<String, Long> ciBySource = ciIds();
        System.out.printf("%nBENCHMARK CMDB: %d CIs loaded; %d trap sources 127.0.1.1-%d%n", CIS, SOURCES, SOURCES);

        List<DatagramSocket> sockets = new ArrayList<>();
        byte[] packet = TrapSender.encodedV2cTrap("public", TrapSender.link(TrapSender.LINK_DOWN, 1, null, PDU.TRAP));
        InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.trapPort());
        for (int i = 1; i <= SOURCES; i++) {
            DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.1." + i), 0));
            s.setSendBufferSize(1 << 20);
            sockets.add(s);
        }
        try {
            // First sight of each source: 200 new alarms, 200 incidents. Client-side trap→incident latency.
            long begin = System.nanoTime();
            for (DatagramSocket s : sockets) {
                s.send(new DatagramPacket(packet, packet.length, target));
            }
            long[] incidentAt = new long[SOURCES];
            int withIncident = 0;
            while (withIncident < SOURCES && System.nanoTime() - begin < 120_000_000_000L) {
                Map<Long, Boolean> seen = incidents();
                long now = System.nanoTime();
                for (int i = 0; i < SOURCES; i++) {
                    Long ci = ciBySource.get("127.0.1." + (i + 1));
                    if (incidentAt[i] == 0 && Boolean.TRUE.equals(seen.get(ci))) {
                        incidentAt[i] = now - begin;
                        withIncident++;
                    }
                }
                Thread.sleep(100); // polling harder would take the server's CPU from the incidents it measures
            }
            long[] lat = Arrays.stream(incidentAt).filter(v -> v > 0).sorted().toArray();
            System.out.printf("BENCHMARK first traps: %d/%d incidents opened; client-side trap→incident p50 %.0f ms, p99 %.0f ms"
                    + " (poll every ~100 ms + API call); server-side %s%n", lat.length, SOURCES,
                    pct(lat, 0.50) / 1e6, pct(lat, 0.99) / 1e6, serverLatency("beacon_incidents_latency_seconds"));

            // The incidents' lifecycle processes (SLA clocks) start just after them: let that finish before the flood.
            long slaWait = System.nanoTime();
            int withSla = 0;
            while (withSla < SOURCES && System.nanoTime() - slaWait < 120_000_000_000L) {
                Thread.sleep(200);
                withSla = incidentsWithSla();
            }
            System.out.printf("BENCHMARK first traps: SLA clocks running on all %d incidents %.1f s after the last one appeared%n",
                    withSla, (System.nanoTime() - slaWait) / 1e9);

            System.out.printf("BENCHMARK %8s %8s %10s %10s %10s %9s %9s %22s%n", "target/s", "sent/s", "sent", "counted",
                    "shed", "rejected", "lost", "trap→alarm p50/p99 (ms)");
            for (int rate : rates) {
                long countBefore = totalCount();
                double shedBefore = Metrics.value("beacon_events_dropped_total");
                double rejectedBefore = Metrics.value("beacon_traps_rejected_total");
                Flood flood = flood(sockets, packet, target, rate, seconds);
                long sent = flood.sent();
                double sendRate = flood.perSecond();
                long counted = settle(countBefore);
                double shed = Metrics.value("beacon_events_dropped_total") - shedBefore;
                double rejected = Metrics.value("beacon_traps_rejected_total") - rejectedBefore;
                System.out.printf("BENCHMARK %8d %8.0f %10d %10d %10.0f %9.0f %9d %22s%n", rate, sendRate, sent, counted,
                        shed, rejected, sent - counted - (long) shed, serverLatency("beacon_events_latency_seconds"));
            }
            compareWithSnmptrapd(sockets, packet, rates, seconds);
        } finally {
            sockets.forEach(DatagramSocket::close);
        }
    }

    private record Flood(long sent, double perSecond) {}

    /** Sends the trap round-robin from the sockets at the rate for the seconds; answers what was sent. */
    private static Flood flood(List<DatagramSocket> sockets, byte[] packet, InetSocketAddress target, int rate,
            int seconds) throws java.io.IOException {
        long sent = 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        int next = 0;
        while (System.nanoTime() < end) {
            long due = (long) ((System.nanoTime() - start) / 1e9 * rate);
            while (sent < due) {
                sockets.get(next).send(new DatagramPacket(packet, packet.length, target));
                next = (next + 1) % SOURCES;
                sent++;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(500_000); // leave the 2 cores to the receiver
        }
        return new Flood(sent, sent / ((System.nanoTime() - start) / 1e9));
    }

    /**
     * The yardstick: net-snmp's snmptrapd with -n (no name look-ups), logging one line per trap to a
     * file, receives the same flood from the same sockets on the same machine (Beacon still runs, idle).
     */
    private static void compareWithSnmptrapd(List<DatagramSocket> sockets, byte[] packet, int[] rates, int seconds)
            throws Exception {
        Path snmptrapd = Path.of("/usr/sbin/snmptrapd");
        if (!Files.isExecutable(snmptrapd)) {
            System.out.println("BENCHMARK snmptrapd not installed (Debian package snmptrapd): no comparison");
            return;
        }
        Path dir = Files.createTempDirectory("snmptrapd-bench");
        Path conf = Files.writeString(dir.resolve("snmptrapd.conf"), "disableAuthorization yes\n");
        System.out.printf("BENCHMARK snmptrapd -n, the same flood: %8s %8s %10s %10s %9s%n", "target/s", "sent/s", "sent",
                "logged", "lost");
        for (int rate : rates) {
            Path log = dir.resolve("traps-" + rate + ".log");
            int port;
            try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            Process trapd = new ProcessBuilder(snmptrapd.toString(), "-f", "-n", "-C", "-c", conf.toString(), "-m", "",
                    "-Lf", log.toString(), "-F", "TRAP %b\n", "udp:127.0.0.1:" + port)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                for (int i = 0; i < 100 && !(Files.exists(log) && Files.readString(log).contains("NET-SNMP")); i++) {
                    Thread.sleep(50);
                }
                Flood flood = flood(sockets, packet, new InetSocketAddress(InetAddress.getLoopbackAddress(), port), rate,
                        seconds);
                long logged = -1;
                for (long last = -2; logged != last; ) { // until the log stops growing
                    last = logged;
                    Thread.sleep(1000);
                    try (var lines = Files.lines(log)) {
                        logged = lines.filter(l -> l.startsWith("TRAP")).count();
                    }
                }
                System.out.printf("BENCHMARK snmptrapd -n, the same flood: %8d %8.0f %10d %10d %9d%n", rate,
                        flood.perSecond(), flood.sent(), logged, flood.sent() - logged);
            } finally {
                trapd.destroy();
                trapd.waitFor();
            }
        }
    }

    /** Waits until the alarm counts stop growing (the queue is drained), and answers how much they grew. */
    private static long settle(long before) throws InterruptedException {
        long last = -1;
        int stable = 0;
        while (stable < 3) {
            Thread.sleep(1000);
            long now = totalCount();
            double depth = Metrics.value("beacon_events_queue_depth");
            stable = now == last && depth == 0 ? stable + 1 : 0;
            last = now;
        }
        return last - before;
    }

    private static long totalCount() {
        List<Integer> counts = asDemo("agent").queryParam("q", "linkDown:ci").queryParam("size", 1000)
                .get("/api/alarms").then().statusCode(200).extract().jsonPath().getList("items.count", Integer.class);
        return counts.stream().mapToLong(Integer::longValue).sum();
    }

    /** Of the storm's incidents, how many have their SLA clocks (they start in the order the incidents were opened). */
    private static int incidentsWithSla() {
        List<String> keys = asDemo("agent").queryParam("q", "linkDown:ci").queryParam("size", 1000).get("/api/alarms")
                .then().statusCode(200).extract().jsonPath().getList("items.incidentKey", String.class);
        List<String> sorted = keys.stream().filter(java.util.Objects::nonNull)
                .sorted(java.util.Comparator.comparingLong(k -> Long.parseLong(k.substring(k.indexOf('-') + 1)))).toList();
        if (sorted.isEmpty()) {
            return 0;
        }
        Object sla = asDemo("agent").get("/api/tickets/" + sorted.get(sorted.size() - 1)).then().statusCode(200)
                .extract().path("sla");
        return sla == null ? 0 : sorted.size();
    }

    private static Map<Long, Boolean> incidents() {
        List<Map<String, Object>> items = asDemo("agent").queryParam("q", "linkDown:ci").queryParam("size", 1000)
                .get("/api/alarms").then().statusCode(200).extract().jsonPath().getList("items");
        Map<Long, Boolean> out = new HashMap<>();
        for (Map<String, Object> a : items) {
            if (a.get("ciId") != null) {
                out.put(((Number) a.get("ciId")).longValue(), a.get("incidentKey") != null);
            }
        }
        return out;
    }

    private static String serverLatency(String name) {
        return String.format("%.1f / %.1f", Metrics.value(name, "quantile=\"0.5\"") * 1000,
                Metrics.value(name, "quantile=\"0.99\"") * 1000);
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static void loadCmdb() {
        StringBuilder csv = new StringBuilder("name,type,hostname,ipAddresses\n");
        for (int i = 1; i <= CIS; i++) {
            String ip = i <= SOURCES ? "127.0.1." + i : "10.200." + (i / 256) + "." + (i % 256);
            csv.append(String.format("bench-%05d,server,bench-%05d.bench.example,%s%n", i, i, ip));
        }
        asAdmin().contentType("text/csv").body(csv.toString()).post("/api/cis/import").then().statusCode(200);
    }

    private static Map<String, Long> ciIds() throws InterruptedException {
        Map<String, Long> out = new HashMap<>();
        for (int i = 1; i <= SOURCES; i++) {
            long id = asDemo("agent").get("/api/cis/" + String.format("bench-%05d", i)).then().statusCode(200)
                    .extract().jsonPath().getLong("id");
            out.put("127.0.1." + i, id);
        }
        return out;
    }
}
