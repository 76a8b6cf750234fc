package io.beacon.it;

import static io.beacon.it.support.Api.anonymous;
import static io.beacon.it.support.Api.asAdmin;
import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.beacon.it.support.BeaconServerExtension;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(BeaconServerExtension.class)
class TicketApiIT {

    private static Response open(String agent, Map<String, Object> body) {
        return asDemo(agent).body(body).post("/api/tickets");
    }

    private static String openIncident(String title) {
        return open("agent", Map.of("type", "incident", "title", title, "impact", "medium", "urgency", "medium"))
                .then().statusCode(201).extract().path("key");
    }

    private static long createCi(String name) {
        return ((Number) asAdmin().body(Map.of("name", name, "type", "server"))
                .post("/api/cis").then().statusCode(201).extract().path("id")).longValue();
    }

    @Test
    void anAgentOpensAnIncidentWithPriorityFromImpactAndUrgencyLinkedToACi() {
        long ci = createCi("it-ticket-ci-" + UUID.randomUUID());
        Response created = open("agent", Map.of("type", "incident", "title", "VPN 접속 불가",
                "description", "재택 근무자 전원이 VPN에 접속하지 못합니다", "impact", "high", "urgency", "high", "ciIds", List.of(ci)));
        created.then().statusCode(201)
                .header("Location", matchesPattern(".*/api/tickets/INC-\\d+"))
                .header("ETag", notNullValue())
                .body("key", matchesPattern("INC-\\d+"))
                .body("type", equalTo("incident"))
                .body("status", equalTo("new"))
                .body("priority", equalTo("P1"))
                .body("priorityOverridden", equalTo(false))
                .body("ciIds", contains((int) ci))
                .body("requester.username", equalTo("agent"))
                .body("title", equalTo("VPN 접속 불가"))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue())
                .body("history.field", hasItem("created"));
        String key = created.path("key");
        int id = created.path("id");
        // By id or by key, the same ticket.
        asDemo("agent2").get("/api/tickets/" + id).then().statusCode(200).body("key", equalTo(key));
        asDemo("agent2").get("/api/tickets/" + key.toLowerCase()).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void eightClientsOpeningAtOnceGetEveryNumberOnceAndEachKeyOpensItsOwnTicket() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> perClient = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                String client = run + "-" + c;
                perClient.add(clients.submit(() -> IntStream.range(0, 10)
                        .mapToObj(i -> openIncident("numbering " + client + " #" + i)).toList()));
            }
            List<String> keys = new ArrayList<>();
            for (Future<List<String>> f : perClient) {
                keys.addAll(f.get(2, TimeUnit.MINUTES));
            }
            assertThat(keys).hasSize(80).doesNotHaveDuplicates().allMatch(k -> k.matches("INC-\\d+"));
            for (String key : keys) {
                asDemo("agent").get("/api/tickets/" + key).then().statusCode(200)
                        .body("key", equalTo(key)).body("title", containsString("numbering " + run));
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aServiceRequestIsNumberedInItsOwnSeriesAndOneCiIdIsAccepted() {
        long ci = createCi("it-req-ci-" + UUID.randomUUID());
        open("agent", Map.of("type", "service_request", "title", "새 노트북 요청", "ciId", ci, "priority", "P4"))
                .then().statusCode(201)
                .body("key", matchesPattern("REQ-\\d+"))
                .body("priority", equalTo("P4"))
                .body("priorityOverridden", equalTo(true))
                .body("ciIds", contains((int) ci));
    }

    @Test
    void koreanSearchFindsAWordInsideACompound() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String key = openIncident("메일서버장애 발생 " + marker);
        openIncident("프린터 용지 걸림 " + marker);
        asDemo("agent").queryParam("q", "장애").queryParam("size", 1000).get("/api/tickets")
                .then().statusCode(200)
                .body("items.key", hasItem(key))
                .body("items.title", everyItem(not(containsString("프린터"))));
        asDemo("agent").queryParam("q", key).get("/api/tickets").then().statusCode(200)
                .body("items.key", contains(key));
    }

    @Test
    void listsFilterPageAndSort() {
        String marker = "page-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            open("agent", Map.of("type", "incident", "title", marker + " " + i, "priority", i < 2 ? "P1" : "P3"));
        }
        asDemo("agent").queryParam("q", marker).queryParam("size", 2).queryParam("page", 1).queryParam("sort", "createdAt")
                .get("/api/tickets").then().statusCode(200)
                .body("total", equalTo(5)).body("page", equalTo(1)).body("size", equalTo(2))
                .body("items.title", contains(marker + " 2", marker + " 3"));
        asDemo("agent").queryParam("q", marker).queryParam("priority", "P1").queryParam("type", "incident")
                .queryParam("status", "new,assigned")
                .get("/api/tickets").then().statusCode(200)
                .body("total", equalTo(2)).body("items.priority", everyItem(equalTo("P1")));
        asDemo("agent").queryParam("q", marker).get("/api/tickets/counts").then().statusCode(200)
                .body("total", equalTo(5)).body("byStatus.new", equalTo(5)).body("open", equalTo(5));
        asDemo("agent").queryParam("size", 1001).get("/api/tickets").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("size"));
        asDemo("agent").queryParam("status", "sleeping").get("/api/tickets").then().statusCode(422)
                .body("errors.field", hasItem("status"));
        asDemo("agent").queryParam("sort", "password").get("/api/tickets").then().statusCode(422);
    }

    @Test
    void anIncidentRunsItsLifecycleAndTheAuditTrailShowsWhoChangedWhat() {
        String key = openIncident("디스크 사용률 95%");
        asDemo("agent").body(Map.of("group", "Service Desk", "assignee", "agent2")).patch("/api/tickets/" + key)
                .then().statusCode(200).body("status", equalTo("assigned"))
                .body("assignee.username", equalTo("agent2")).body("group.name", equalTo("Service Desk"));
        asDemo("agent2").body(Map.of("status", "in_progress")).patch("/api/tickets/" + key)
                .then().statusCode(200).body("status", equalTo("in_progress"));
        asDemo("agent2").body(Map.of("status", "resolved")).patch("/api/tickets/" + key)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("resolution"));
        asDemo("agent2").body(Map.of("status", "resolved", "resolution", "로그 정리로 해결")).patch("/api/tickets/" + key)
                .then().statusCode(200).body("status", equalTo("resolved")).body("resolvedAt", notNullValue())
                .body("resolution", equalTo("로그 정리로 해결"));
        asDemo("agent2").body(Map.of("status", "in_progress")).patch("/api/tickets/" + key) // reopen
                .then().statusCode(200).body("status", equalTo("in_progress"));
        asDemo("agent2").body(Map.of("status", "resolved")).patch("/api/tickets/" + key)
                .then().statusCode(200).body("status", equalTo("resolved"));
        asDemo("agent2").body(Map.of("status", "closed")).patch("/api/tickets/" + key)
                .then().statusCode(200).body("status", equalTo("closed")).body("closedAt", notNullValue());
        asDemo("agent2").body(Map.of("title", "changed after close")).patch("/api/tickets/" + key)
                .then().statusCode(409).contentType("application/problem+json");
        asDemo("agent").get("/api/tickets/" + key).then().statusCode(200)
                .body("history.findAll { it.field == 'status' }.newValue",
                        contains("assigned", "in_progress", "resolved", "in_progress", "resolved", "closed"))
                .body("history.find { it.field == 'assignee' }.actor", equalTo("agent"))
                .body("history.find { it.field == 'assignee' }.newValue", equalTo("agent2"))
                .body("history.find { it.field == 'status' && it.newValue == 'resolved' }.actor", equalTo("agent2"))
                .body("history.find { it.field == 'status' && it.newValue == 'resolved' }.at", notNullValue());
    }

    @Test
    void illegalTransitionsAndBadAssigneesAreRefused() {
        String key = openIncident("illegal transitions");
        asDemo("agent").body(Map.of("status", "closed")).patch("/api/tickets/" + key)
                .then().statusCode(409).body("errors.field", hasItem("status"))
                .body("detail", containsString("new cannot become closed"));
        asDemo("agent").body(Map.of("group", "Network Operations", "assignee", "agent")).patch("/api/tickets/" + key)
                .then().statusCode(422).body("errors.field", hasItem("assignee"));
        asDemo("agent").body(Map.of("assignee", "requester")).patch("/api/tickets/" + key)
                .then().statusCode(422).body("detail", containsString("not an active agent"));
        asDemo("agent").body(Map.of("status", "in_progress")).patch("/api/tickets/" + key)
                .then().statusCode(422).body("errors.field", hasItem("assignee"));
    }

    @Test
    void aPatchBasedOnAStaleVersionIs409AndNeverOverwrites() {
        String key = openIncident("두 명의 상담원");
        String etag = asDemo("agent").get("/api/tickets/" + key).then().statusCode(200).extract().header("ETag");
        String etagOfAgent2 = asDemo("agent2").get("/api/tickets/" + key).then().extract().header("ETag");
        assertThat(etag).isEqualTo(etagOfAgent2);

        String newEtag = asDemo("agent").header("If-Match", etag).body(Map.of("urgency", "high"))
                .patch("/api/tickets/" + key).then().statusCode(200).body("urgency", equalTo("high"))
                .extract().header("ETag");
        assertThat(newEtag).isNotEqualTo(etag);
        asDemo("agent2").header("If-Match", etagOfAgent2).body(Map.of("urgency", "low"))
                .patch("/api/tickets/" + key).then().statusCode(409).contentType("application/problem+json");
        int version = asDemo("agent").get("/api/tickets/" + key).then().body("urgency", equalTo("high"))
                .extract().path("version");
        asDemo("agent2").body(Map.of("title", "두 명의 상담원 (수정)", "version", version - 1)).patch("/api/tickets/" + key)
                .then().statusCode(409);
        // A comment is activity, not an edit: it does not make the other agent's version stale.
        asDemo("agent2").body(Map.of("body", "확인 중입니다")).post("/api/tickets/" + key + "/comments").then().statusCode(201);
        asDemo("agent").header("If-Match", newEtag).body(Map.of("title", "두 명의 상담원 (수정)"))
                .patch("/api/tickets/" + key).then().statusCode(200).body("title", equalTo("두 명의 상담원 (수정)"));
    }

    @Test
    void requestersFollowTheirOwnTicketsAndNeverSeeInternalNotes() {
        String key = asDemo("requester").body(Map.of("type", "service_request", "title", "모니터 교체 요청",
                        "description", "화면이 깜빡입니다"))
                .post("/api/tickets").then().statusCode(201)
                .body("requester.username", equalTo("requester")).extract().path("key");
        asDemo("agent").body(Map.of("body", "고객에게 보이는 답변")).post("/api/tickets/" + key + "/comments")
                .then().statusCode(201).body("internal", equalTo(false)).body("channel", equalTo("api"));
        asDemo("agent").body(Map.of("body", "내부 메모: 재고 확인 필요", "internal", true))
                .post("/api/tickets/" + key + "/comments").then().statusCode(201).body("internal", equalTo(true));
        asDemo("requester").get("/api/tickets/" + key).then().statusCode(200)
                .body("comments.body", contains("고객에게 보이는 답변"));
        asDemo("agent2").get("/api/tickets/" + key).then().statusCode(200)
                .body("comments.body", contains("고객에게 보이는 답변", "내부 메모: 재고 확인 필요"));
        asDemo("requester").body(Map.of("body", "감사합니다")).post("/api/tickets/" + key + "/comments")
                .then().statusCode(201);
        asDemo("requester").body(Map.of("body", "몰래", "internal", true)).post("/api/tickets/" + key + "/comments")
                .then().statusCode(403).contentType("application/problem+json");
        asDemo("requester").body(Map.of("status", "closed")).patch("/api/tickets/" + key).then().statusCode(403);
        asDemo("requester").body(Map.of("type", "incident", "title", "x", "priority", "P1")).post("/api/tickets")
                .then().statusCode(403);
        // Someone else's ticket does not exist for a requester, in lists or by key.
        String othersKey = openIncident("agent's own incident");
        asDemo("requester").get("/api/tickets/" + othersKey).then().statusCode(404);
        asDemo("requester").queryParam("size", 1000).get("/api/tickets").then().statusCode(200)
                .body("items.requester.username", everyItem(equalTo("requester")))
                .body("items.key", hasItem(key));
    }

    @Test
    void attachmentsGoUpAndComeBackByteForByteWithTheirKoreanNames() {
        String key = openIncident("첨부 파일 테스트");
        byte[] content = "장애 로그\nERROR disk full\n".getBytes(StandardCharsets.UTF_8);
        int id = asDemo("agent").contentType("text/plain; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename*=UTF-8''%EC%9E%A5%EC%95%A0%20%EB%A1%9C%EA%B7%B8.txt")
                .body(content).post("/api/tickets/" + key + "/attachments")
                .then().statusCode(201)
                .body("fileName", equalTo("장애 로그.txt"))
                .body("size", equalTo(content.length))
                .body("contentType", equalTo("text/plain"))
                .extract().path("id");
        Response download = asDemo("agent").get("/api/tickets/" + key + "/attachments/" + id);
        download.then().statusCode(200)
                .header("Content-Disposition", containsString("filename*=UTF-8''%EC%9E%A5%EC%95%A0%20%EB%A1%9C%EA%B7%B8.txt"))
                .header("X-Content-Type-Options", "nosniff");
        assertThat(download.asByteArray()).isEqualTo(content);

        asDemo("agent").contentType("multipart/form-data")
                .multiPart("file", "screen.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3}, "image/png")
                .post("/api/tickets/" + key + "/attachments").then().statusCode(201)
                .body("items.fileName", contains("screen.png"));
        asDemo("agent").get("/api/tickets/" + key).then().statusCode(200)
                .body("attachments.fileName", contains("장애 로그.txt", "screen.png"))
                .body("history.findAll { it.field == 'attachment' }.newValue", contains("장애 로그.txt", "screen.png"));

        byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
        asDemo("agent").contentType("application/octet-stream").queryParam("fileName", "big.bin").body(tooLarge)
                .post("/api/tickets/" + key + "/attachments").then().statusCode(413)
                .contentType("application/problem+json");
        asDemo("agent").contentType("application/octet-stream").body(content)
                .post("/api/tickets/" + key + "/attachments").then().statusCode(422)
                .body("errors.field", hasItem("fileName"));
    }

    @Test
    void badInputGetsAProblemNamingTheField() {
        asDemo("agent").body("{\"type\": \"incident\", \"title\": ").post("/api/tickets")
                .then().statusCode(400).contentType("application/problem+json");
        asDemo("agent").body(Map.of("type", "outage", "title", "")).post("/api/tickets")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("title"));
        asDemo("agent").body(Map.of("type", "outage", "title", "x")).post("/api/tickets")
                .then().statusCode(422).body("errors.field", hasItem("type"));
        asDemo("agent").body(Map.of("type", "incident", "title", "x", "ciIds", List.of(987654321)))
                .post("/api/tickets").then().statusCode(422).body("errors.field", hasItem("ciIds"));
        asDemo("agent").body(Map.of("type", "incident", "title", "x", "ciIds", "abc"))
                .post("/api/tickets").then().statusCode(422).body("errors.field", hasItem("ciIds"));
        asDemo("agent").body(Map.of("type", "incident", "title", "x", "assigne", "agent"))
                .post("/api/tickets").then().statusCode(422).body("errors.field", hasItem("assigne"));
        asDemo("agent").body(Map.of("type", "incident", "title", "x", "impact", "huge"))
                .post("/api/tickets").then().statusCode(422).body("errors.field", hasItem("impact"));
        asDemo("agent").get("/api/tickets/INC-99999999").then().statusCode(404).contentType("application/problem+json");
        asDemo("agent").get("/api/tickets/not-a-key").then().statusCode(404);
    }

    @Test
    void everyTicketEndpointChecksTheCaller() {
        anonymous().get("/api/tickets").then().statusCode(401);
        anonymous().body(Map.of("type", "incident", "title", "x")).post("/api/tickets").then().statusCode(401);
        asDemo("monitor").get("/api/tickets").then().statusCode(403);
        asDemo("monitor").body(Map.of("type", "incident", "title", "x")).post("/api/tickets").then().statusCode(403);
        asDemo("approver").get("/api/tickets").then().statusCode(200);
        asDemo("approver").body(Map.of("type", "incident", "title", "x")).post("/api/tickets").then().statusCode(403);
    }

    @Test
    void agentQueuesMineUnassignedAndMyGroups() {
        String marker = "queue-" + UUID.randomUUID();
        String mine = open("agent", Map.of("type", "incident", "title", marker + " mine", "group", "Network Operations",
                "assignee", "agent2")).then().statusCode(201).body("status", equalTo("assigned")).extract().path("key");
        String unassigned = open("agent", Map.of("type", "incident", "title", marker + " nobody")).then()
                .statusCode(201).extract().path("key");
        asDemo("agent2").queryParam("q", marker).queryParam("assignee", "me").get("/api/tickets")
                .then().body("items.key", contains(mine));
        asDemo("agent2").queryParam("q", marker).queryParam("assignee", "none").get("/api/tickets")
                .then().body("items.key", contains(unassigned));
        asDemo("agent2").queryParam("q", marker).queryParam("group", "mine").get("/api/tickets")
                .then().body("items.key", contains(mine));
        asDemo("agent").queryParam("q", marker).queryParam("group", "Network Operations").get("/api/tickets")
                .then().body("items.key", contains(mine));
        asDemo("agent").queryParam("q", marker).queryParam("group", "No Such Group").get("/api/tickets")
                .then().body("items", empty());
    }
}
