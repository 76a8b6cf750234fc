package io.beacon.it;

import static io.beacon.it.support.Api.anonymous;
import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.it.support.BeaconServer;
import io.beacon.it.support.BeaconServerExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /api/stream} over real HTTP: server-sent events, and who gets which. */
@ExtendWith(BeaconServerExtension.class)
class LiveStreamIT {

    /** One open event stream, read on its own thread into a queue of "name data" lines. */
    static final class Stream implements AutoCloseable {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        final List<String> seen = new ArrayList<>();
        final HttpResponse<java.io.InputStream> response;
        final Thread reader;

        Stream(BeaconServer server, String user) throws Exception {
            this(server, user, "Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + user + "-demo-pass").getBytes(StandardCharsets.UTF_8)));
        }

        /** A stream opened with the given credentials header (Authorization or Cookie). */
        Stream(BeaconServer server, String user, String header, String value) throws Exception {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            response = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/stream"))
                    .header(header, value).header("Accept", "text/event-stream")
                    .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            reader = new Thread(this::read, "sse-" + user);
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String name = null;
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:") && name != null) {
                        events.add(name + " " + line.substring(5).strip());
                        name = null;
                    }
                }
            } catch (Exception closed) {
                // the test closed the stream
            }
        }

        /** Waits for an event containing all the given parts; remembers everything read on the way. */
        String await(String... parts) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < end) {
                String event = events.poll(500, TimeUnit.MILLISECONDS);
                if (event == null) {
                    continue;
                }
                seen.add(event);
                if (List.of(parts).stream().allMatch(event::contains)) {
                    return event;
                }
            }
            throw new AssertionError("no event with " + List.of(parts) + "; seen " + seen);
        }

        /** Whether the server ended the stream within the given time. */
        boolean endsWithin(Duration time) throws InterruptedException {
            reader.join(time.toMillis());
            return !reader.isAlive();
        }

        @Override
        public void close() throws Exception {
            response.body().close();
        }
    }

    @Test
    void aVisitorGetsNoStream() {
        anonymous().accept("text/event-stream").get("/api/stream").then().statusCode(401);
    }

    @Test
    void eventsArriveUncompressedAndOneByOneAsTheyHappen(BeaconServer server) throws Exception {
        try (Stream agent = new Stream(server, "agent")) {
            assertThat(agent.response.statusCode()).isEqualTo(200);
            assertThat(agent.response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
            assertThat(agent.response.headers().firstValue("Content-Encoding")).isEmpty();
            agent.await("hello", "\"user\":\"agent\"");
            String key = ConsoleIT.openIncident("agent2", "스트림 확인 " + ConsoleIT.token());
            assertThat(agent.await("ticket", key)).isEqualTo("ticket {\"kind\":\"created\",\"id\":\""
                    + asDemo("agent").get("/api/tickets/" + key).then().extract().path("id") + "\",\"key\":\"" + key + "\"}");
        }
    }

    @Test
    void aRequesterHearsOnlyOfTheirOwnTicketsAndNeverOfInternalNotes(BeaconServer server) throws Exception {
        try (Stream agent = new Stream(server, "agent"); Stream requester = new Stream(server, "requester")) {
            agent.await("hello");
            requester.await("hello");
            String theirs = ConsoleIT.openIncident("agent", "요청자 티켓 " + ConsoleIT.token());
            String others = asDemo("agent").body(Map.of("type", "incident", "title", "내부 티켓 " + ConsoleIT.token(),
                    "impact", "low", "urgency", "low")).post("/api/tickets").then().statusCode(201).extract().path("key");
            asDemo("agent").body(Map.of("body", "내부 메모", "internal", true)).post("/api/tickets/" + theirs + "/comments")
                    .then().statusCode(201);
            asDemo("agent").body(Map.of("body", "공개 답변")).post("/api/tickets/" + theirs + "/comments").then().statusCode(201);

            agent.await("ticket", others, "created");
            agent.await("ticket", theirs, "note");
            agent.await("ticket", theirs, "commented");

            requester.await("ticket", theirs, "created");
            requester.await("ticket", theirs, "commented"); // comes after the note and the other ticket, if those came
            assertThat(requester.seen).noneMatch(e -> e.contains(others)).noneMatch(e -> e.contains("\"note\""));
        }
    }

    private static String newAgent(String prefix) {
        String name = prefix + "-" + ConsoleIT.token();
        io.beacon.it.support.Api.asAdmin().body(Map.of("username", name, "password", name + "-password",
                "roles", List.of("agent"))).post("/api/users").then().statusCode(201);
        return name;
    }

    private static String basicOf(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-password").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aStreamOpenedWithTheConsoleSessionEndsWhenTheSessionSignsOut(BeaconServer server) throws Exception {
        String user = newAgent("stream-out");
        var cookie = anonymous().body(Map.of("username", user, "password", user + "-password"))
                .post("/api/session").then().statusCode(200).extract().detailedCookie("JSESSIONID");
        try (Stream stream = new Stream(server, user, "Cookie", "JSESSIONID=" + cookie.getValue())) {
            assertThat(stream.response.statusCode()).isEqualTo(200);
            stream.await("hello", user);
            assertThat(stream.endsWithin(Duration.ofSeconds(1))).as("open while signed in").isFalse();
            anonymous().cookie(cookie).header("X-Requested-With", "beacon").delete("/api/session").then().statusCode(204);
            assertThat(stream.endsWithin(Duration.ofSeconds(8))).as("ended after the sign-out").isTrue();
        }
    }

    @Test
    void aStreamEndsWhenTheAdminDeactivatesItsUserOrTheirPasswordChanges(BeaconServer server) throws Exception {
        String leaver = newAgent("stream-leaver");
        String mover = newAgent("stream-mover");
        try (Stream left = new Stream(server, leaver, "Authorization", basicOf(leaver));
                Stream moved = new Stream(server, mover, "Authorization", basicOf(mover))) {
            left.await("hello", leaver);
            moved.await("hello", mover);
            io.beacon.it.support.Api.asAdmin().body(Map.of("active", false)).patch("/api/users/" + leaver)
                    .then().statusCode(200);
            io.beacon.it.support.Api.as(mover, mover + "-password")
                    .body(Map.of("password", "moved-password-1", "currentPassword", mover + "-password"))
                    .patch("/api/me").then().statusCode(200);
            assertThat(left.endsWithin(Duration.ofSeconds(8))).as("ended after the deactivation").isTrue();
            assertThat(moved.endsWithin(Duration.ofSeconds(8))).as("ended after the password change").isTrue();
        }
    }
}
