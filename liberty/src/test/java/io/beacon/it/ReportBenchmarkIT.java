package io.beacon.it;

import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.beacon.it.support.BeaconServer;
import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.TrapSender;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.snmp4j.PDU;

/**
 * How fast the dashboard's reports answer over a few thousand tickets and tens of thousands of
 * events; prints its figures. Off unless asked for:
 * {@code ./mvnw -o verify -Dbeacon.it.skip.mariadb=true -Dit.test=ReportBenchmarkIT -Dbeacon.benchmark=true
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false} (sizes: {@code -Dbeacon.benchmark.tickets=3000},
 * {@code -Dbeacon.benchmark.events=30000}).
 */
@ExtendWith(BeaconServerExtension.class)
class ReportBenchmarkIT {
    @Test
    void reportsOverThousandsOfTicketsAndEvents(BeaconServer server) throws Exception {
        assumeTrue(Boolean.getBoolean("beacon.benchmark"), "benchmark off (-Dbeacon.benchmark=true runs it)");
        int tickets = Integer.getInteger("beacon.benchmark.tickets", 3000);
        int events = Integer.getInteger("beacon.benchmark.events", 30_000);

        long begin = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < tickets; i++) {
            int n = i;
            work.add(pool.submit(() -> {
                String key = asDemo("agent").body(Map.of("type", n % 10 == 0 ? "service_request" : "incident",
                        "title", "benchmark " + n, "impact", "medium", "urgency", "medium", "requester", "requester"))
                        .post("/api/tickets").then().statusCode(201).extract().<String>path("key");
                if (n % 3 != 0) {
                    asDemo("agent").body(Map.of("assignee", "agent", "group", "Service Desk")).patch("/api/tickets/" + key)
                            .then().statusCode(200);
                }
                if (n % 3 == 1) {
                    asDemo("agent").body(Map.of("status", "resolved", "resolution", "done")).patch("/api/tickets/" + key)
                            .then().statusCode(200);
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("%nBENCHMARK reports: %d tickets opened (2/3 assigned, 1/3 resolved) in %.1f s%n", tickets,
                (System.nanoTime() - begin) / 1e9);

        long before = asDemo("agent").get("/api/reports/events-per-hour?hours=1").then().extract().jsonPath().getLong("total");
        byte[] packet = TrapSender.encodedV2cTrap("public", TrapSender.link(TrapSender.LINK_DOWN, 1, null, PDU.TRAP));
        InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.trapPort());
        try (DatagramSocket socket = new DatagramSocket()) {
            for (int i = 0; i < events; i++) {
                socket.send(new DatagramPacket(packet, packet.length, target));
                if (i % 500 == 499) {
                    Thread.sleep(50); // about 10,000 a second: well below what the receiver takes
                }
            }
        }
        long stored = before;
        for (int i = 0; i < 600 && stored - before < events; i++) {
            Thread.sleep(200);
            stored = asDemo("agent").get("/api/reports/events-per-hour?hours=1").then().extract().jsonPath().getLong("total");
        }
        System.out.printf("BENCHMARK reports: %d of %d traps sent stored as events (UDP may drop some under load)%n",
                stored - before, events);

        String today = LocalDate.now(ZoneId.of("Asia/Seoul")).toString();
        time("ticket-times, 30 days by day, incidents", () -> asDemo("agent")
                .get("/api/reports/ticket-times?bucket=day&type=incident&to=" + today).then().statusCode(200).extract().jsonPath()
                .getLong("total.count"));
        time("ticket-times, 366 days by day, all types", () -> asDemo("agent")
                .get("/api/reports/ticket-times?bucket=day&type=all&from=" + LocalDate.parse(today).minusDays(365) + "&to=" + today)
                .then().statusCode(200).extract().jsonPath().getLong("total.count"));
        time("ticket-times, 12 weeks, Europe/Berlin", () -> asDemo("agent")
                .get("/api/reports/ticket-times?bucket=week&tz=Europe/Berlin").then().statusCode(200).extract().jsonPath()
                .getLong("total.count"));
        time("events-per-hour, 24 hours", () -> asDemo("agent").get("/api/reports/events-per-hour?hours=24")
                .then().statusCode(200).extract().jsonPath().getLong("total"));
        time("events-per-hour, 168 hours", () -> asDemo("agent").get("/api/reports/events-per-hour?hours=168")
                .then().statusCode(200).extract().jsonPath().getLong("total"));
    }

    private static void time(String what, Supplier<Long> call) {
        long figure = call.get(); // warm up
        long[] ms = new long[20];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            call.get();
            ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(ms);
        System.out.printf("BENCHMARK reports: %-42s total %7d   median %4d ms   max %4d ms (20 calls, HTTP included)%n",
                what, figure, ms[ms.length / 2], ms[ms.length - 1]);
        assertThat(figure).isNotNegative();
    }
}
