package io.beacon.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.beacon.it.support.SseEvents;
import io.beacon.it.support.BeaconServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Two core nodes of the real jar (separate processes on loopback ports) on one MariaDB database and
 * a Kafka broker in a JVM of its own: a ticket opened through node A reaches a live stream on node B
 * within 2 s; a stream that reconnects to A with B's last event id gets what it missed; then the
 * node that correlates is killed with SIGKILL, the other takes its lease over in under 15 s (printed)
 * and opens the incident of a new alarm, once. Opt-in ({@code -Dbeacon.cluster=true}), MariaDB round.
 */
class TwoCoreNodesIT {
    static final String AGENT = "agent:agent-demo-pass";
    static final String MONITOR = "monitor:monitor-demo-pass";
    private static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*\"([A-Z]+-\\d+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void anyNodeServesAnyoneAndTheStandbyTakesCorrelationOver() throws Exception {
        assumeTrue(Boolean.getBoolean("beacon.cluster"), "opt-in (-Dbeacon.cluster=true runs it)");
        assumeTrue("mariadb".equals(System.getProperty("beacon.it.db")), "core nodes share a MariaDB database");
        Path dir = Files.createTempDirectory(Path.of("target"), "cluster-").toAbsolutePath();
        BeaconServer a = null;
        BeaconServer b = null;
        try (KafkaBroker broker = KafkaBroker.start(dir)) {
            a = core(BeaconServer.onMariaDb(), "core-a", broker);
            a.start();
            b = core(BeaconServer.sharingDatabaseOf(a), "core-b", broker).with("BEACON_DEMO_DATA", "false");
            b.start();
            uptime("both nodes ready");

            // A change through A, live on B.
            SseClient onB = SseClient.open(http, b.baseUrl() + "/api/stream", null);
            onB.await(e -> "hello".equals(e.name()), Duration.ofSeconds(10), "hello");
            long sent = System.nanoTime();
            String key = openTicket(a, "cluster live " + sent);
            SseClient.Event seen = onB.await(ticket(key), Duration.ofSeconds(10), key);
            double seconds = (seen.receivedNanos() - sent) / 1e9;
            System.out.printf("CLUSTER ticket %s opened on A, live on B after %.3f s (event id %s)%n", key, seconds, seen.id());
            assertTrue(seconds < 2, "a change through A reached B's stream after " + seconds + " s");
            assertTrue(seen.id().matches("p0-\\d+"), "event ids are places in the broadcast: " + seen.id());

            // Each node keeps its own search index: B's follows the tickets written through A.
            long searched = System.nanoTime();
            String found;
            do {
                Thread.sleep(100);
                found = get(b, AGENT, "/api/tickets?q=" + sent);
                assertTrue(System.nanoTime() - searched < TimeUnit.SECONDS.toNanos(10),
                        "q=" + sent + " on B did not find " + key + " (opened on A) within 10 s: " + found);
            } while (!found.contains("\"" + key + "\""));
            System.out.printf("CLUSTER ticket %s opened on A, found by q= on B %.3f s after the search began%n", key,
                    (System.nanoTime() - searched) / 1e9);

            // B's browser goes away, a change happens, the browser comes back on A with B's last id.
            onB.close();
            String missed = openTicket(a, "cluster missed " + System.nanoTime());
            SseClient onA = SseClient.open(http, a.baseUrl() + "/api/stream", seen.id());
            SseClient.Event replayed = onA.await(ticket(missed), Duration.ofSeconds(10), missed);
            assertNotNull(replayed, "resumed on A after B's last event");
            onA.close();

            // Kill the node that correlates; the other takes over.
            String leader;
            long epoch;
            try (Connection c = a.mariadbConnection()) {
                String[] lease = lease(c);
                leader = lease[0];
                epoch = Long.parseLong(lease[1]);
            }
            BeaconServer dying = "core-a".equals(leader) ? a : b;
            BeaconServer survivor = dying == a ? b : a;
            uptime("killing " + leader);
            dying.kill();
            long killed = System.nanoTime();
            String[] now;
            try (Connection c = a.mariadbConnection()) {
                do {
                    Thread.sleep(100);
                    now = lease(c);
                    assertTrue(System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(30), "no takeover within 30 s");
                } while (now[0].equals(leader));
            }
            double takeover = (System.nanoTime() - killed) / 1e9;
            System.out.printf("CLUSTER killed %s (SIGKILL); %s took correlation over after %.1f s (epoch %d -> %s)%n",
                    leader, now[0], takeover, epoch, now[1]);
            assertNotEquals(leader, now[0]);
            assertTrue(takeover < 15, "takeover took " + takeover + " s");

            // The survivor correlates: a new major alarm gets its incident, once (both nodes' sweeps and catch-ups included).
            String reduction = "cluster/takeover/" + System.nanoTime();
            post(survivor, MONITOR, "/api/events", "{\"source\":\"nagios\",\"ci\":\"web-01\",\"severity\":\"major\","
                    + "\"name\":\"HTTP\",\"message\":\"503 after takeover\",\"key\":\"" + reduction + "\"}");
            String incident = awaitIncident(a, reduction, Duration.ofSeconds(30));
            System.out.printf("CLUSTER after the takeover, alarm %s opened %s%n", reduction, incident);
            try (Connection c = a.mariadbConnection(); // a's database, whichever node died
                    PreparedStatement s = c.prepareStatement(
                            "SELECT count(*) FROM ticket WHERE description LIKE ?")) {
                s.setString(1, "%" + reduction + "%");
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    assertEquals(1, r.getInt(1), "incidents opened for the alarm (its reduction key is in their description)");
                }
            }
        } finally {
            if (b != null) {
                b.close();
            }
            if (a != null) {
                a.close();
            }
        }
    }

    private static java.util.function.Predicate<SseClient.Event> ticket(String key) {
        return e -> "ticket".equals(e.name()) && e.data().contains("\"" + key + "\"");
    }

    private static BeaconServer core(BeaconServer s, String name, KafkaBroker broker) {
        return s.with("BEACON_NODE_ROLE", "core").with("BEACON_NODE_NAME", name)
                .with("BEACON_KAFKA_BOOTSTRAP", broker.bootstrap());
    }

    private static String[] lease(Connection c) throws Exception {
        try (PreparedStatement s = c.prepareStatement("SELECT holder, epoch FROM cluster_lease WHERE name = 'correlation'");
                ResultSet r = s.executeQuery()) {
            assertTrue(r.next(), "no correlation lease row");
            return new String[] {r.getString(1), r.getString(2)};
        }
    }

    private String openTicket(BeaconServer node, String title) throws Exception {
        String body = post(node, AGENT, "/api/tickets", "{\"type\":\"incident\",\"title\":\"" + title
                + "\",\"impact\":\"low\",\"urgency\":\"low\"}");
        Matcher m = KEY.matcher(body);
        assertTrue(m.find(), "no ticket key in " + body);
        return m.group(1);
    }

    /** The incident key of the alarm of this reduction key, once it has one (read from the shared database). */
    private static String awaitIncident(BeaconServer databaseOwner, String reduction, Duration within) throws Exception {
        long until = System.nanoTime() + within.toNanos();
        try (Connection c = databaseOwner.mariadbConnection();
                PreparedStatement s = c.prepareStatement("SELECT incident_key FROM alarm WHERE reduction_key LIKE ?")) {
            s.setString(1, "%" + reduction + "%");
            while (System.nanoTime() < until) {
                try (ResultSet r = s.executeQuery()) {
                    if (r.next() && r.getString(1) != null) {
                        return r.getString(1);
                    }
                }
                Thread.sleep(200);
            }
        }
        throw new AssertionError("no incident for " + reduction + " within " + within);
    }

    private String post(BeaconServer node, String user, String path, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() / 100 == 2, path + " answered " + r.statusCode() + ": " + r.body());
        return r.body();
    }

    private String get(BeaconServer node, String user, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
                .header("Authorization", basic(user)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() == 200, path + " answered " + r.statusCode() + ": " + r.body());
        return r.body();
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
    }

    private static void uptime(String when) {
        try {
            Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            System.out.println("CLUSTER " + when + "; load: " + new String(p.getInputStream().readAllBytes()).strip());
        } catch (Exception e) {
            // the figure is only context
        }
    }

    /** A live stream read line by line on a thread of its own. */
    static final class SseClient implements AutoCloseable {
        record Event(String name, String id, String data, long receivedNanos) {}

        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final List<Event> seen = new ArrayList<>();
        private volatile Stream<String> lines;
        private final Thread reader;

        private SseClient(HttpClient http, String url, String lastEventId) {
            reader = new Thread(() -> read(http, url, lastEventId), "sse-" + url);
            reader.setDaemon(true);
            reader.start();
        }

        static SseClient open(HttpClient http, String url, String lastEventId) {
            return new SseClient(http, url, lastEventId);
        }

        private void read(HttpClient http, String url, String lastEventId) {
            HttpRequest.Builder rq = HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic(AGENT))
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                rq.header("Last-Event-ID", lastEventId);
            }
            try {
                HttpResponse<Stream<String>> r = http.send(rq.build(), HttpResponse.BodyHandlers.ofLines());
                lines = r.body();
                SseEvents.read((Iterable<String>) lines::iterator,
                        (name, id, data) -> events.add(new Event(name, id, data, System.nanoTime())));
            } catch (Exception closed) {
                // closed by the test or the server
            }
        }

        Event await(java.util.function.Predicate<Event> wanted, Duration within, String what) throws InterruptedException {
            long until = System.nanoTime() + within.toNanos();
            for (Event e : seen) {
                if (wanted.test(e)) {
                    return e;
                }
            }
            while (true) {
                long left = until - System.nanoTime();
                Event e = events.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
                if (e == null) {
                    throw new AssertionError("no live event for " + what + " within " + within + "; saw " + seen);
                }
                seen.add(e);
                if (wanted.test(e)) {
                    return e;
                }
            }
        }

        @Override
        public void close() {
            Stream<String> l = lines;
            if (l != null) {
                l.close();
            }
            reader.interrupt();
        }
    }
}
