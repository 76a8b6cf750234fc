package io.beacon.it;

import static io.beacon.it.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.beacon.it.support.BeaconServer;
import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.MachineLoad;
import io.beacon.it.support.Poll;
import io.beacon.it.support.TicketQueryShapes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Prints what the API costs above its queries at demo-data size (p50/p95 per request type, as an
 * agent with HTTP Basic, a bearer token and a console session, as a new server answers them and again
 * after a warm-up of {@code -Dbeacon.benchmark.warmup} requests; beside it the closest SQL alone, on
 * MariaDB where the test can reach the database), and how many tickets 8 clients create per second
 * through the API (the normal path: ticket-lifecycle process and SLA clocks started). Figures, not
 * targets: nothing here asserts a speed. Opt-in:
 * {@code ./mvnw -o verify -Dbeacon.it.skip.mariadb=true -Dbeacon.h2.kill=false -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ApiThroughputBenchmarkIT -Dbeacon.benchmark=true}
 * (clients: {@code -Dbeacon.benchmark.clients=8}, seconds: {@code -Dbeacon.benchmark.seconds=15}).
 */
@ExtendWith(BeaconServerExtension.class)
class ApiThroughputBenchmarkIT {
    private static final int REQUESTS = 200;
    private static final String OPEN = "new,assigned,in_progress,pending";
    /** Request type to its path and the TicketQueryShapes query that stands for its SQL. */
    private static final Map<String, String[]> REQUESTS_BY_TYPE = new LinkedHashMap<>();

    static {
        REQUESTS_BY_TYPE.put("open incidents by priority (50)", new String[] {
            "/api/tickets?type=incident&status=" + OPEN + "&sort=priority&size=50", "open incidents, sort=priority"});
        REQUESTS_BY_TYPE.put("all, newest activity (50)", new String[] {
            "/api/tickets?size=50&sort=-updatedAt", "all, sort=-updatedAt"});
        REQUESTS_BY_TYPE.put("ticket by key", new String[] {"/api/tickets/INC-1", "ticket by key"});
        REQUESTS_BY_TYPE.put("counts per status", new String[] {"/api/tickets/counts", "counts per status (counters)"});
        REQUESTS_BY_TYPE.put("counts, open incidents", new String[] {
            "/api/tickets/counts?type=incident&status=" + OPEN, "counts, open incidents (counters)"});
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void apiOverheadAndCreationThroughput(BeaconServer server) throws Exception {
        assumeTrue(Boolean.getBoolean("beacon.benchmark"), "benchmark off (-Dbeacon.benchmark=true runs it)");
        String base = server.baseUrl();
        Map<String, String> auth = new LinkedHashMap<>();
        auth.put("basic", "Basic " + Base64.getEncoder().encodeToString("agent:agent-demo-pass".getBytes(StandardCharsets.UTF_8)));
        auth.put("bearer", "Bearer " + asAdmin().body(Map.of("name", "benchmark")).post("/api/users/agent/tokens")
                .then().statusCode(201).extract().jsonPath().getString("token"));
        auth.put("session", "Cookie:" + signIn(base));
        Map<String, String> sql = "mariadb".equals(server.database()) ? sqlAlone(server) : Map.of();

        String loadBefore = MachineLoad.now();
        // First as a new server meets them (the first call, then 200 after 20), then the same after a warm-up of
        // every kind together: the JIT compiles the request path over the first few thousand requests.
        Map<String, long[]> first = new LinkedHashMap<>();
        for (var type : REQUESTS_BY_TYPE.entrySet()) {
            for (var a : auth.entrySet()) {
                first.put(type.getKey() + "\n" + a.getKey(), times(base + type.getValue()[0], a.getValue(), REQUESTS));
            }
        }
        int warmUp = Integer.getInteger("beacon.benchmark.warmup", 6000);
        long warmBegan = System.nanoTime();
        for (int i = 0; i < warmUp; ) {
            for (var type : REQUESTS_BY_TYPE.values()) {
                for (String a : auth.values()) {
                    http.send(request(base + type[0], a).build(), HttpResponse.BodyHandlers.discarding());
                    i++;
                }
            }
        }
        double warmSeconds = (System.nanoTime() - warmBegan) / 1e9;
        System.out.printf("API BENCHMARK (%s, demo data; load before %s): the first call; %d requests after 20; the same"
                + " again after %d requests of all kinds (%.1f s)%n", server.database(), loadBefore, REQUESTS, warmUp, warmSeconds);
        System.out.printf("  %-34s %-8s %-10s %-18s %-18s %s%n", "request", "auth", "first ms", "next p50 / p95 ms",
                "warm p50 / p95 ms", "SQL alone p50 ms");
        for (var type : REQUESTS_BY_TYPE.entrySet()) {
            for (var a : auth.entrySet()) {
                long[] t = first.get(type.getKey() + "\n" + a.getKey());
                long[] w = times(base + type.getValue()[0], a.getValue(), REQUESTS);
                System.out.printf("  %-34s %-8s %-10.2f %-18s %-18s %s%n", type.getKey(), a.getKey(), t[REQUESTS] / 1e6,
                        String.format("%.2f / %.2f", t[REQUESTS / 2] / 1e6, t[REQUESTS * 95 / 100] / 1e6),
                        String.format("%.2f / %.2f", w[REQUESTS / 2] / 1e6, w[REQUESTS * 95 / 100] / 1e6),
                        sql.getOrDefault(type.getValue()[1], "n/a (H2 is inside the server; run on MariaDB)"));
            }
        }
        System.out.printf("  (load after: %s)%n", MachineLoad.now());

        int clients = Integer.getInteger("beacon.benchmark.clients", 8);
        int seconds = Integer.getInteger("beacon.benchmark.seconds", 15);
        for (String round : List.of("first (cold)", "second (warm)")) {
            Creation c = create(base, auth.get("basic"), clients, Duration.ofSeconds(seconds));
            System.out.printf("CREATE BENCHMARK %s: %d tickets in %.1f s by %d clients over HTTP Basic = %.0f/s "
                    + "(p50 %.1f ms, p95 %.1f ms per request, %d refused; load %s)%n", round, c.created, c.seconds,
                    clients, c.created / c.seconds, c.p50 / 1e6, c.p95 / 1e6, c.refused, MachineLoad.now());
            assertThat(c.refused).isZero();
        }
        // The created tickets run the normal path: their SLA clocks were started (the target is shown at once).
        String key = asAdmin().queryParam("q", "benchmark creation").queryParam("size", 1).get("/api/tickets")
                .then().statusCode(200).extract().jsonPath().getString("items[0].key");
        Poll.until(() -> asAdmin().get("/api/tickets/" + key).then().statusCode(200).extract().jsonPath().getMap("sla"),
                sla -> sla != null && !sla.isEmpty(), Duration.ofSeconds(30), "SLA clocks of " + key);
    }

    /** REQUESTS sorted latencies in nanoseconds, then the cold (first) one at index REQUESTS. */
    private long[] times(String url, String authorization, int n) throws Exception {
        long[] t = new long[n + 1];
        for (int i = -20; i < n; i++) {
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(request(url, authorization).build(), HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - start;
            assertThat(r.statusCode()).as(url + " " + r.body()).isEqualTo(200);
            if (i == -20) {
                t[n] = took;
            } else if (i >= 0) {
                t[i] = took;
            }
        }
        Arrays.sort(t, 0, n);
        return t;
    }

    private static HttpRequest.Builder request(String url, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
        return authorization.startsWith("Cookie:") ? b.header("Cookie", authorization.substring(7))
                : b.header("Authorization", authorization);
    }

    private String signIn(String base) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"agent\",\"password\":\"agent-demo-pass\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
    }

    /** The closest SQL of each request timed alone in the database, p50 of REQUESTS runs. */
    private static Map<String, String> sqlAlone(BeaconServer server) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = server.mariadbConnection(); Statement s = c.createStatement()) {
            for (var q : TicketQueryShapes.all(c).entrySet()) {
                long[] t = new long[REQUESTS];
                for (int i = -20; i < REQUESTS; i++) {
                    long start = System.nanoTime();
                    try (ResultSet rs = s.executeQuery(q.getValue())) {
                        while (rs.next()) {
                            rs.getObject(1);
                        }
                    }
                    if (i >= 0) {
                        t[i] = System.nanoTime() - start;
                    }
                }
                Arrays.sort(t);
                out.put(q.getKey(), String.format("%.2f", t[REQUESTS / 2] / 1e6));
            }
        }
        return out;
    }

    private record Creation(int created, int refused, double seconds, long p50, long p95) {}

    private Creation create(String base, String authorization, int clients, Duration length) throws Exception {
        AtomicInteger created = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long end = start + length.toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            running.add(pool.submit(() -> {
                HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                for (int i = 0; System.nanoTime() < end; i++) {
                    String body = "{\"type\":\"" + (i % 2 == 0 ? "incident" : "service_request")
                            + "\",\"title\":\"benchmark creation " + client + "-" + i + "\",\"impact\":\"low\",\"urgency\":\"low\"}";
                    long s = System.nanoTime();
                    HttpResponse<String> r = own.send(request(base + "/api/tickets", authorization)
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    latencies.add(System.nanoTime() - s);
                    (r.statusCode() == 201 ? created : refused).incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Creation(created.get(), refused.get(), seconds, sorted[sorted.length / 2],
                sorted[sorted.length * 95 / 100]);
    }
}
