package io.beacon.it;

import static io.beacon.it.support.Api.asAdmin;
import static io.beacon.it.support.Api.asDemo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.beacon.it.support.BeaconServer;
import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.TicketGrowth;
import io.beacon.it.support.TicketQueryShapes;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The desk at scale (issue 18): grows the MariaDB database to a chosen number of tickets through SQL
 * (INSERT ... SELECT, doubling), rebuilds the search index, then times 20 requests of each kind over
 * HTTP as an agent, in a first pass as the server meets them and again once every kind has had its
 * turn, beside the same query alone over JDBC, and prints each query's plan. Off unless
 * asked for; MariaDB round only:
 * {@code ./mvnw -B -o -ntp verify -Dbeacon.it.skip.h2=true -Dbeacon.it.skip.in-container=true
 * -Dit.test=TicketScaleBenchmarkIT -Dbeacon.benchmark=true -Dbeacon.benchmark.tickets=1000000
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false} (default 1,000,000 tickets).
 */
@ExtendWith(BeaconServerExtension.class)
class TicketScaleBenchmarkIT {
    private static final long CLONES = 1_000_000_000L;
    private static final String OPEN = "new,assigned,in_progress,pending";

    private Path serverDataDir;

    @Test
    void theDeskAtScale(BeaconServer server) throws Exception {
        assumeTrue(Boolean.getBoolean("beacon.benchmark"), "benchmark off (-Dbeacon.benchmark=true runs it)");
        assumeTrue("mariadb".equals(server.database()), "the scale benchmark runs on MariaDB");
        serverDataDir = server.workDir();
        try (Connection c = server.mariadbConnection()) {
            // One size or several, grown in turn (100000,1000000): each printed with its own table.
            for (String size : System.getProperty("beacon.benchmark.tickets", "1000000").split(",")) {
                measure(c, Long.parseLong(size.strip().replace("_", "")));
            }
        }
    }

    private void measure(Connection c, long target) throws Exception {
        {
            Instant begin = Instant.now();
            long tickets = TicketGrowth.grow(c, target, CLONES);
            System.out.printf("%nBENCHMARK scale: grown to %,d tickets (%,d open) in %d s; load %s%n", tickets,
                    TicketGrowth.open(c), Duration.between(begin, Instant.now()).toSeconds(), load());

            begin = Instant.now();
            String loadBefore = load();
            asAdmin().post("/api/search/index/rebuild").then().statusCode(202);
            while (Boolean.TRUE.equals(asAdmin().get("/api/search/index").then().extract().path("rebuilding"))) {
                Thread.sleep(1000);
            }
            Object documents = asAdmin().get("/api/search/index").then().extract().path("documents");
            Object last = asAdmin().get("/api/search/index").then().extract().path("lastRebuild");
            System.out.printf("BENCHMARK scale: search index rebuilt in %d s: %s documents, %,d bytes on disk (%s); load %s"
                    + " before, %s after%n", Duration.between(begin, Instant.now()).toSeconds(), documents,
                    size(serverDataDir.resolve("data/search")), last, loadBefore, load());

            String deepKey;
            String deepCursor;
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT id, updated_at, ticket_key FROM ticket ORDER BY updated_at DESC, id DESC"
                            + " LIMIT 1 OFFSET " + Math.min(tickets - 1, 100_000))) {
                rs.next();
                deepCursor = Base64.getUrlEncoder().withoutPadding().encodeToString(("updatedAt\n" + rs.getLong(1) + "\n"
                        + rs.getTimestamp(2).toInstant()).getBytes(StandardCharsets.UTF_8));
                deepKey = rs.getString(3);
            }
            long requesterId;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM app_user WHERE username = 'requester'")) {
                rs.next();
                requesterId = rs.getLong(1);
            }
            int deepPage = (int) Math.min((tickets - 1) / 50, 2000);

            Map<String, Row> rows = new LinkedHashMap<>();
            rows.put("open-incident queue (sort=priority, 50)", new Row(
                    () -> get(asDemo("agent"), "/api/tickets?type=incident&status=" + OPEN + "&sort=priority&size=50"),
                    "SELECT t.* FROM ticket t WHERE t.type = 'INCIDENT' AND t.is_open = 1 ORDER BY t.priority, t.id LIMIT 50"));
            rows.put("mine, open (console, by activity)", new Row(
                    () -> get(asDemo("agent"), "/api/tickets?assignee=me&status=" + OPEN + "&sort=-updatedAt&size=50"),
                    "SELECT t.* FROM ticket t JOIN app_user a ON a.id = t.assignee_id WHERE a.username = 'agent'"
                            + " AND t.is_open = 1 ORDER BY t.updated_at DESC, t.id DESC LIMIT 50"));
            rows.put("my groups, open (console)", new Row(
                    () -> get(asDemo("agent"), "/api/tickets?group=mine&status=" + OPEN + "&sort=-updatedAt&size=50"),
                    "SELECT t.* FROM ticket t WHERE t.assignment_group_id IN (SELECT m.group_id FROM user_group_member m"
                            + " JOIN app_user u ON u.id = m.user_id WHERE u.username = 'agent') AND t.is_open = 1"
                            + " ORDER BY t.updated_at DESC, t.id DESC LIMIT 50"));
            rows.put("unassigned, open (console)", new Row(
                    () -> get(asDemo("agent"), "/api/tickets?assignee=none&status=" + OPEN + "&sort=-updatedAt&size=50"),
                    "SELECT t.* FROM ticket t WHERE t.assignee_id IS NULL AND t.is_open = 1"
                            + " ORDER BY t.updated_at DESC, t.id DESC LIMIT 50"));
            rows.put("open incidents by title", new Row(
                    () -> get(asDemo("agent"), "/api/tickets?type=incident&status=" + OPEN + "&sort=title&size=50"),
                    "SELECT t.* FROM ticket t WHERE t.type = 'INCIDENT' AND t.is_open = 1 ORDER BY t.title, t.id LIMIT 50"));
            rows.put("all by title", new Row(
                    () -> get(asDemo("agent"), "/api/tickets?sort=title&size=50"),
                    "SELECT t.* FROM ticket t ORDER BY t.title, t.id LIMIT 50"));
            rows.put("counts, mine (index)", new Row(
                    () -> get(asDemo("agent"), "/api/tickets/counts?assignee=me&status=" + OPEN),
                    "SELECT t.status, COUNT(t.id) FROM ticket t JOIN app_user a ON a.id = t.assignee_id"
                            + " WHERE a.username = 'agent' AND t.is_open = 1 GROUP BY t.status"));
            rows.put("all tickets, newest first (50)", new Row(
                    () -> get(asDemo("agent"), "/api/tickets?sort=-createdAt&size=50"),
                    "SELECT t.* FROM ticket t ORDER BY t.created_at DESC, t.id DESC LIMIT 50"));
            rows.put("all by activity (console), 50", new Row(
                    () -> get(asDemo("agent"), "/api/tickets?sort=-updatedAt&size=50"),
                    "SELECT t.* FROM ticket t ORDER BY t.updated_at DESC, t.id DESC LIMIT 50"));
            rows.put("deep page, offset (page " + deepPage + ")", new Row(
                    () -> get(asDemo("agent"), "/api/tickets?sort=-updatedAt&size=50&page=" + deepPage),
                    "SELECT t.* FROM ticket t ORDER BY t.updated_at DESC, t.id DESC LIMIT 50 OFFSET " + deepPage * 50L));
            rows.put("deep page, cursor (after 100k)", new Row(
                    () -> get(asDemo("agent"), "/api/tickets?sort=-updatedAt&size=50&after=" + deepCursor),
                    "SELECT t.* FROM ticket t WHERE t.updated_at < (SELECT updated_at FROM ticket WHERE ticket_key = '" + deepKey
                            + "') ORDER BY t.updated_at DESC, t.id DESC LIMIT 50"));
            rows.put("counts per status", new Row(
                    () -> get(asDemo("agent"), "/api/tickets/counts"),
                    "SELECT c.status, SUM(c.n) FROM ticket_count c GROUP BY c.status"));
            rows.put("counts, open incidents", new Row(
                    () -> get(asDemo("agent"), "/api/tickets/counts?type=incident&status=" + OPEN),
                    "SELECT c.status, SUM(c.n) FROM ticket_count c WHERE c.type IN ('INCIDENT') AND c.status IN"
                            + " ('NEW','ASSIGNED','IN_PROGRESS','PENDING') GROUP BY c.status"));
            rows.put("q=장애 (Korean word)", new Row(
                    () -> get(asDemo("agent"), "/api/tickets?q=" + enc("장애")),
                    "SELECT t.* FROM ticket t WHERE lower(t.title) LIKE '%장애%' OR lower(t.description) LIKE '%장애%'"
                            + " ORDER BY t.created_at DESC, t.id DESC LIMIT 50"));
            rows.put("q=서버장 (inside a compound)", new Row(
                    () -> get(asDemo("agent"), "/api/tickets?q=" + enc("서버장")),
                    "SELECT t.* FROM ticket t WHERE lower(t.title) LIKE '%서버장%' OR lower(t.description) LIKE '%서버장%'"
                            + " ORDER BY t.created_at DESC, t.id DESC LIMIT 50"));
            rows.put("ticket by key", new Row(
                    () -> get(asDemo("agent"), "/api/tickets/" + deepKey),
                    "SELECT t.* FROM ticket t WHERE t.ticket_key = '" + deepKey + "'"));
            rows.put("a requester's own tickets", new Row(
                    () -> get(asDemo("requester"), "/api/tickets?requester=me&sort=-updatedAt&size=50"),
                    "SELECT t.* FROM ticket t WHERE t.requester_id = " + requesterId
                            + " ORDER BY t.updated_at DESC, t.id DESC LIMIT 50"));
            rows.put("a requester's open tickets", new Row(
                    () -> get(asDemo("requester"), "/api/tickets?requester=me&status=" + OPEN + "&sort=-updatedAt&size=50"),
                    "SELECT t.* FROM ticket t WHERE t.requester_id = " + requesterId
                            + " AND t.is_open = 1 ORDER BY t.updated_at DESC, t.id DESC LIMIT 50"));
            rows.put("a requester's counts", new Row(
                    () -> get(asDemo("requester"), "/api/tickets/counts?requester=me"),
                    "SELECT t.status, COUNT(t.id) FROM ticket t WHERE t.requester_id = " + requesterId + " GROUP BY t.status"));

            // Each kind as the server first meets it (the JIT still compiling the request path, so a row's figure also
            // depends on the rows before it), then all kinds again once every one has had its turn.
            Map<String, long[]> first = new LinkedHashMap<>();
            for (Map.Entry<String, Row> e : rows.entrySet()) {
                first.put(e.getKey(), time(e.getValue().http()));
            }
            StringBuilder table = new StringBuilder(String.format("%n| request | HTTP cold | HTTP p50 / p95, first pass"
                    + " | HTTP p50 / p95, second pass | SQL alone p50 / p95 | load |%n|---|---|---|---|---|---|%n"));
            StringBuilder plans = new StringBuilder();
            for (Map.Entry<String, Row> e : rows.entrySet()) {
                long[] http = first.get(e.getKey());
                long[] again = time(e.getValue().http());
                long[] sql = time(() -> rowsOf(c, e.getValue().sql()));
                table.append(String.format("| %s | %d ms | %d / %d ms | %d / %d ms | %d / %d ms | %s |%n", e.getKey(), http[2],
                        http[0], http[1], again[0], again[1], sql[0], sql[1], load()));
                plans.append("PLAN ").append(e.getKey()).append(": ").append(e.getValue().sql()).append('\n')
                        .append(TicketQueryShapes.describe(TicketQueryShapes.explain(c, e.getValue().sql())));
            }
            // What the counts cost before the counters: every ticket's index entry read.
            String before = "SELECT t.status, COUNT(t.id) FROM ticket t GROUP BY t.status";
            long[] sqlBefore = time(() -> rowsOf(c, before));
            table.append(String.format("| counts per status, index only (no counters; SQL only) | | | | %d / %d ms | %s |%n",
                    sqlBefore[0], sqlBefore[1], load()));
            System.out.printf("BENCHMARK scale at %,d tickets (20 requests each, as an agent; SQL alone over JDBC):%s%n%s%n",
                    tickets, table, plans);
        }
    }

    private static int rowsOf(Connection c, String sql) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private record Row(Supplier<Integer> http, String sql) {}

    private static int get(RequestSpecification as, String path) {
        return as.get(path).then().statusCode(200).extract().asByteArray().length;
    }

    /** As is: REST Assured encodes the query itself. */
    private static String enc(String s) {
        return s;
    }

    /** p50 and p95 of 20 calls after 3 to warm up, and the first (cold) call. */
    private static long[] time(Supplier<Integer> call) {
        long cold = System.nanoTime();
        call.get();
        cold = (System.nanoTime() - cold) / 1_000_000;
        for (int i = 0; i < 2; i++) {
            call.get();
        }
        long[] ms = new long[20];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            call.get();
            ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(ms);
        return new long[] {ms[9], ms[18], cold};
    }

    /** The machine's load average over 1, 5 and 15 minutes (shared with other builds). */
    private static String load() {
        try {
            String[] l = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return l[0] + " " + l[1] + " " + l[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static long size(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
