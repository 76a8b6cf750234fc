package io.beacon.it;

import static io.beacon.it.support.Api.asAdmin;
import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.it.support.BeaconServer;
import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.SseEvents;
import io.beacon.it.support.Poll;
import io.beacon.it.support.TestMailServer;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The agent's daily tools over HTTP: canned responses with placeholders and field changes, @mentions
 * that notify (list, live, mail), links between tickets both ways, the merge of a duplicate (its
 * comments and a later mail reply land on the survivor), and a live stream resumed from its last event.
 */
@ExtendWith(BeaconServerExtension.class)
class AgentToolsIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void aCannedResponseIsFilledInForTheTicketAndSendingItSetsItsFields() {
        String tag = tag();
        asDemo("requester").body(Map.of("locale", "ko")).patch("/api/me").then().statusCode(200);
        long ci = ((Number) asAdmin().body(Map.of("name", "mx-" + tag, "type", "server")).post("/api/cis")
                .then().statusCode(201).extract().path("id")).longValue();
        Map<String, Object> response = new HashMap<>();
        response.put("name", "이관 " + tag);
        response.put("bodyKo", "{{requester}}님, {{key}}({{ci}}) 건은 네트워크팀이 이어받습니다. - {{agent}}");
        response.put("bodyEn", "Dear {{requester}}, Network Operations takes over {{key}} ({{ci}}). - {{agent}}");
        response.put("setStatus", "pending");
        response.put("setGroup", "Network Operations");
        long id = ((Number) asAdmin().body(response).post("/api/canned-responses").then().statusCode(201)
                .extract().path("id")).longValue();

        // Only administrators keep them; a name is unique; a canned response neither resolves nor closes.
        asDemo("agent").body(response).post("/api/canned-responses").then().statusCode(403);
        asAdmin().body(response).post("/api/canned-responses").then().statusCode(409);
        asAdmin().body(Map.of("name", "bad " + tag, "bodyKo", "x", "setStatus", "closed")).post("/api/canned-responses")
                .then().statusCode(422).contentType("application/problem+json");
        asAdmin().body(Map.of("name", "group-only " + tag, "group", "Network Operations", "bodyKo", "NOC 전용"))
                .post("/api/canned-responses").then().statusCode(201);

        String key = asDemo("agent").body(Map.of("type", "incident", "title", "메일 지연 " + tag, "impact", "medium",
                "urgency", "medium", "requester", "requester", "group", "Service Desk", "ciIds", List.of(ci)))
                .post("/api/tickets").then().statusCode(201).extract().path("key");
        asDemo("requester").get("/api/tickets/" + key + "/canned-responses").then().statusCode(403);

        JsonPath offered = asDemo("agent").get("/api/tickets/" + key + "/canned-responses").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> mine = offered.getMap("items.find { it.id == " + id + " }");
        // The requester reads Korean: the Korean text, filled in for this ticket and this agent.
        String requesterName = displayName("requester");
        String agentName = displayName("agent");
        assertThat(mine.get("locale")).isEqualTo("ko");
        assertThat(mine.get("text")).isEqualTo(requesterName + "님, " + key + "(mx-" + tag
                + ") 건은 네트워크팀이 이어받습니다. - " + agentName);
        assertThat(mine.get("textEn")).isEqualTo("Dear " + requesterName + ", Network Operations takes over " + key
                + " (mx-" + tag + "). - " + agentName);
        assertThat(mine.get("setStatus")).isEqualTo("pending");
        assertThat(mine.get("setGroup")).isEqualTo("Network Operations");
        // A Network Operations response is not offered on a Service Desk ticket to a Service Desk agent.
        assertThat(offered.getList("items.name", String.class)).doesNotContain("group-only " + tag);

        asDemo("agent").body(Map.of("body", mine.get("text"), "internal", false, "cannedResponseId", id))
                .post("/api/tickets/" + key + "/comments").then().statusCode(201);
        JsonPath t = asDemo("agent").get("/api/tickets/" + key).then().statusCode(200).extract().jsonPath();
        assertThat(t.getString("status")).isEqualTo("pending");
        assertThat(t.getString("group.name")).isEqualTo("Network Operations");
        assertThat(t.getList("comments.body", String.class)).contains((String) mine.get("text"));
        assertThat(t.getList("history.field", String.class)).contains("status", "group");

        // An unknown canned response refuses the whole reply.
        asDemo("agent").body(Map.of("body", "x", "cannedResponseId", 987654321))
                .post("/api/tickets/" + key + "/comments").then().statusCode(404);
        asAdmin().delete("/api/canned-responses/" + id).then().statusCode(204);
        asDemo("agent").get("/api/canned-responses/" + id).then().statusCode(404);
    }

    @Test
    void aMentionInANoteNotifiesTheAgentInTheListLiveAndByMailInTheirLanguage(BeaconServer server, TestMailServer mail)
            throws Exception {
        String tag = tag();
        asDemo("agent2").body(Map.of("locale", "en")).patch("/api/me").then().statusCode(200);
        String key = asDemo("agent").body(Map.of("type", "incident", "title", "VPN 끊김 " + tag, "impact", "medium",
                "urgency", "medium", "requester", "requester")).post("/api/tickets").then().statusCode(201)
                .extract().path("key");
        long unreadBefore = asDemo("agent2").get("/api/notifications").then().statusCode(200).extract().jsonPath()
                .getLong("unread");

        try (Sse stream = new Sse(server, "agent2", null)) {
            stream.await("hello");
            // A public reply mentions nobody; a note does, and only people who work tickets.
            asDemo("agent").body(Map.of("body", "@agent2 public " + tag)).post("/api/tickets/" + key + "/comments")
                    .then().statusCode(201);
            asDemo("agent").body(Map.of("body", "@agent2 @requester 방화벽 로그 확인 부탁 " + tag, "internal", true))
                    .post("/api/tickets/" + key + "/comments").then().statusCode(201);
            assertThat(stream.await("notification", key).data()).contains("\"kind\":\"created\"");
        }

        JsonPath inbox = asDemo("agent2").get("/api/notifications").then().statusCode(200).extract().jsonPath();
        assertThat(inbox.getLong("unread")).isEqualTo(unreadBefore + 1);
        assertThat(inbox.getString("items[0].kind")).isEqualTo("mention");
        assertThat(inbox.getString("items[0].actor")).isEqualTo("agent");
        assertThat(inbox.getString("items[0].ticketKey")).isEqualTo(key);
        assertThat(inbox.getString("items[0].excerpt")).contains("방화벽 로그 확인 부탁 " + tag);
        assertThat(inbox.getBoolean("items[0].read")).isFalse();
        assertThat(asDemo("requester").get("/api/notifications").then().statusCode(200).extract().jsonPath()
                .getList("items.ticketKey")).doesNotContain(key);

        MimeMessage m = mail.awaitMail("jane@beacon.example", msg -> subject(msg).contains("[" + key + "]"), WAIT);
        assertThat(subject(m)).contains("mentioned you");
        assertThat((String) m.getContent()).contains("방화벽 로그 확인 부탁 " + tag).contains("the requester never gets them");
        // The requester never gets the note, by mail or otherwise.
        assertThat(mail.mailsTo("requester@beacon.example")).noneMatch(x -> content(x).contains("방화벽"));

        long id = inbox.getLong("items[0].id");
        asDemo("agent").post("/api/notifications/" + id + "/read").then().statusCode(404); // not theirs
        asDemo("agent2").post("/api/notifications/" + id + "/read").then().statusCode(200);
        assertThat(asDemo("agent2").get("/api/notifications").then().extract().jsonPath().getLong("unread"))
                .isEqualTo(unreadBefore);
    }

    @Test
    void aLinkShowsOnBothTicketsEachWayAndIsWrittenInBothHistories() {
        String tag = tag();
        String a = open("agent", "DB 응답 지연 " + tag);
        String b = open("agent", "DB 디스크 가득 참 " + tag);
        asDemo("agent").body(Map.of("kind", "caused_by", "ticket", b)).post("/api/tickets/" + a + "/links")
                .then().statusCode(201);
        asDemo("agent").body(Map.of("kind", "related_to", "ticket", a)).post("/api/tickets/" + b + "/links")
                .then().statusCode(201);

        assertThat(links(a)).containsExactlyInAnyOrder("caused_by " + b, "related_to " + b);
        assertThat(links(b)).containsExactlyInAnyOrder("causes " + a, "related_to " + a);
        assertThat(history(a)).contains("caused_by " + b, "related_to " + b);
        assertThat(history(b)).contains("causes " + a, "related_to " + a);

        asDemo("agent").body(Map.of("kind", "caused_by", "ticket", b)).post("/api/tickets/" + a + "/links")
                .then().statusCode(409);
        asDemo("agent").body(Map.of("kind", "related_to", "ticket", a)).post("/api/tickets/" + a + "/links")
                .then().statusCode(422);
        asDemo("agent").body(Map.of("kind", "blocks", "ticket", b)).post("/api/tickets/" + a + "/links")
                .then().statusCode(422).contentType("application/problem+json");
        asDemo("agent").body(Map.of("kind", "related_to", "ticket", "INC-999999999")).post("/api/tickets/" + a + "/links")
                .then().statusCode(422);
        asDemo("requester").body(Map.of("kind", "related_to", "ticket", b)).post("/api/tickets/" + a + "/links")
                .then().statusCode(403);

        long linkId = asDemo("agent").get("/api/tickets/" + b + "/links").then().extract().jsonPath()
                .getLong("items.find { it.kind == 'causes' }.id");
        asDemo("agent").delete("/api/tickets/" + b + "/links/" + linkId).then().statusCode(204);
        assertThat(links(a)).containsExactly("related_to " + b);
        assertThat(links(b)).containsExactly("related_to " + a);
    }

    @Test
    void aMergedDuplicateGivesItsCommentsAndLaterMailRepliesToItsSurvivor(TestMailServer mail) throws Exception {
        String tag = tag();
        String sender = "lee." + tag + "@corp.kr";
        mail.sendToDesk(utf8("From: 이영희 <" + sender + ">\r\nTo: " + TestMailServer.DESK + "\r\nSubject: 메일 안 됨 "
                + tag + "\r\nMessage-ID: <" + tag + ".1@corp.kr>\r\n\r\n아침부터 메일이 안 됩니다.\r\n"));
        String duplicate = Poll.until(() -> firstKey("메일 안 됨 " + tag), k -> k != null, WAIT, "the mailed ticket");
        asDemo("agent").body(Map.of("body", "중복 건에 남긴 답변 " + tag)).post("/api/tickets/" + duplicate + "/comments")
                .then().statusCode(201);
        String survivor = open("agent", "메일 서버 장애 " + tag);

        asDemo("requester").body(Map.of("into", survivor)).post("/api/tickets/" + duplicate + "/merge").then().statusCode(403);
        asDemo("agent").body(Map.of("into", duplicate)).post("/api/tickets/" + duplicate + "/merge").then().statusCode(422);
        asDemo("agent").body(Map.of("into", survivor)).post("/api/tickets/" + duplicate + "/merge").then().statusCode(200);
        asDemo("agent").body(Map.of("into", survivor)).post("/api/tickets/" + duplicate + "/merge").then().statusCode(409);

        JsonPath d = asDemo("agent").get("/api/tickets/" + duplicate).then().statusCode(200).extract().jsonPath();
        JsonPath s = asDemo("agent").get("/api/tickets/" + survivor).then().statusCode(200).extract().jsonPath();
        assertThat(d.getString("status")).isEqualTo("closed");
        assertThat(d.getList("comments")).isEmpty();
        assertThat(s.getList("comments.body", String.class)).contains("중복 건에 남긴 답변 " + tag);
        assertThat(d.getList("history.findAll { it.field == 'mergedInto' }.newValue")).containsExactly(survivor);
        assertThat(s.getList("history.findAll { it.field == 'mergedFrom' }.newValue")).containsExactly(duplicate);
        assertThat(s.getList("participants", String.class)).contains(sender);
        assertThat(links(duplicate)).containsExactly("duplicate_of " + survivor);
        assertThat(links(survivor)).containsExactly("duplicated_by " + duplicate);
        assertThat(asDemo("agent").get("/api/tickets/" + duplicate + "/links").then().extract().jsonPath()
                .getString("mergedInto")).isEqualTo(survivor);

        // The requester answers the duplicate's mail: the reply lands on the survivor, not on the closed duplicate.
        mail.sendToDesk(utf8("From: 이영희 <" + sender + ">\r\nTo: " + TestMailServer.DESK + "\r\nSubject: RE: ["
                + duplicate + "] 메일 안 됨 " + tag + "\r\nMessage-ID: <" + tag + ".2@corp.kr>\r\nIn-Reply-To: <" + tag
                + ".1@corp.kr>\r\n\r\n지금도 안 됩니다 " + tag + "\r\n"));
        Poll.until(() -> asDemo("agent").get("/api/tickets/" + survivor).then().extract().jsonPath()
                .getList("comments.body", String.class), bodies -> bodies.stream().anyMatch(b -> b.contains("지금도 안 됩니다 " + tag)),
                WAIT, "the reply to " + duplicate + " on " + survivor);
        assertThat(asDemo("agent").get("/api/tickets/" + duplicate).then().extract().jsonPath().getList("comments")).isEmpty();
        // The search finds the reply's words in the survivor's comments, and in no other ticket (no follow-up).
        assertThat(keys("지금도 안 됩니다 " + tag)).as("no follow-up ticket").containsExactly(survivor);
    }

    @Test
    void aStreamOpenedWithTheLastEventIdSeenFirstGetsWhatCameInBetween(BeaconServer server) throws Exception {
        String tag = tag();
        String first;
        String lastId;
        try (Sse stream = new Sse(server, "agent", null)) {
            stream.await("hello");
            first = open("agent", "첫 번째 " + tag);
            lastId = stream.await("ticket", first).id();
        }
        assertThat(lastId).matches("[0-9a-z]+-\\d+");
        String missed = open("agent", "놓친 것 " + tag);
        try (Sse resumed = new Sse(server, "agent", lastId)) {
            resumed.await("hello");
            Event replayed = resumed.await("ticket", missed);
            assertThat(Long.parseLong(replayed.id().substring(replayed.id().lastIndexOf('-') + 1)))
                    .isGreaterThan(Long.parseLong(lastId.substring(lastId.lastIndexOf('-') + 1)));
            assertThat(resumed.seen).noneMatch(e -> e.data().contains("\"key\":\"" + first + "\""));
        }
    }

    // ---------------------------------------------------------------- helpers

    record Event(String name, String id, String data) {}

    /** An event stream as the browser reads it: names, ids and data. */
    static final class Sse implements AutoCloseable {
        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        final List<Event> seen = new ArrayList<>();
        final HttpResponse<java.io.InputStream> response;

        Sse(BeaconServer server, String user, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/stream"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (user + ":" + user + "-demo-pass").getBytes(StandardCharsets.UTF_8)))
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            response = HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            Thread reader = new Thread(this::read, "sse-" + user);
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                SseEvents.read(in.lines()::iterator, (name, id, data) -> events.add(new Event(name, id, data)));
            } catch (Exception closed) {
                // the test closed the stream
            }
        }

        Event await(String name, String... parts) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < end) {
                Event e = events.poll(200, TimeUnit.MILLISECONDS);
                if (e == null) {
                    continue;
                }
                seen.add(e);
                if (e.name().equals(name) && List.of(parts).stream().allMatch(p -> e.data().contains(p))) {
                    return e;
                }
            }
            throw new AssertionError("no event " + name + " " + List.of(parts) + "; saw " + seen);
        }

        @Override
        public void close() throws Exception {
            response.body().close();
        }
    }

    private static String open(String agent, String title) {
        return asDemo(agent).body(Map.of("type", "incident", "title", title, "impact", "medium", "urgency", "medium",
                "requester", "requester")).post("/api/tickets").then().statusCode(201).extract().path("key");
    }

    private static String displayName(String user) {
        JsonPath me = asDemo(user).get("/api/me").then().statusCode(200).extract().jsonPath();
        String name = me.getString("user.displayName");
        return name == null ? user : name;
    }

    private static List<String> links(String key) {
        JsonPath j = asDemo("agent").get("/api/tickets/" + key + "/links").then().statusCode(200).extract().jsonPath();
        List<String> out = new ArrayList<>();
        List<String> kinds = j.getList("items.kind", String.class);
        List<String> keys = j.getList("items.ticket.key", String.class);
        for (int i = 0; i < kinds.size(); i++) {
            out.add(kinds.get(i) + " " + keys.get(i));
        }
        return out;
    }

    private static List<String> history(String key) {
        return asDemo("agent").get("/api/tickets/" + key).then().statusCode(200).extract().jsonPath()
                .getList("history.findAll { it.field == 'link' }.newValue", String.class);
    }

    private static java.util.List<String> keys(String q) {
        return asAdmin().queryParam("q", q).get("/api/tickets").then().statusCode(200).extract().jsonPath()
                .getList("items.key", String.class);
    }

    private static String firstKey(String q) {
        JsonPath list = asAdmin().queryParam("q", q).get("/api/tickets").then().statusCode(200).extract().jsonPath();
        return list.getInt("total") > 0 ? list.getString("items[0].key") : null;
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    private static String content(MimeMessage m) {
        try {
            return String.valueOf(m.getContent());
        } catch (Exception e) {
            return "";
        }
    }

    private static byte[] utf8(String text) {
        return ("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n"
                + text).getBytes(StandardCharsets.UTF_8);
    }

    private static String tag() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }
}
