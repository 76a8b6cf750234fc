package io.beacon.it;

import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.beacon.it.support.BeaconServerExtension;
import io.restassured.RestAssured;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.config.HttpClientConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.MultiPartSpecification;
import io.restassured.specification.RequestSpecification;
import org.apache.http.entity.mime.HttpMultipartMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The requester portal and filing for someone, over HTTP: a requester opens a ticket with a file in one
 * request, may not set what the desk decides (and is told so in their language), sees only their own
 * tickets, reopens within the window and rates a resolution once; an agent files for a new contact of
 * an organisation, and queues filter by organisation.
 */
@ExtendWith(BeaconServerExtension.class)
class PortalApiIT {

    private static String token() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aRequesterOpensATicketWithAFileInOneRequest() {
        String title = "모니터가 깜빡입니다 " + token();
        byte[] photo = "사진 대신 글자".getBytes(StandardCharsets.UTF_8);
        JsonPath ticket = multipart("requester")
                .multiPart(ticketPart(json("service_request", title, "hardware")))
                .multiPart("file", "모니터.txt", photo, "text/plain")
                .post("/api/tickets").then().statusCode(201).extract().jsonPath();
        assertThat(ticket.getString("title")).isEqualTo(title);
        assertThat(ticket.getString("category")).isEqualTo("hardware");
        assertThat(ticket.getString("requester.username")).isEqualTo("requester");
        assertThat(ticket.getList("attachments.fileName")).containsExactly("모니터.txt");
        String href = ticket.getString("attachments[0].href");
        byte[] back = asDemo("agent").accept("*/*").get(href).then().statusCode(200).extract().asByteArray();
        assertThat(back).isEqualTo(photo);
    }

    @Test
    void aFileThatIsRefusedLeavesNoTicketBehind() {
        String title = "빈 파일 " + token();
        multipart("requester")
                .multiPart(ticketPart(json("service_request", title, null)))
                .multiPart("file", "empty.txt", new byte[0], "text/plain")
                .post("/api/tickets").then().statusCode(422);
        assertThat(asDemo("agent").queryParam("q", title).get("/api/tickets").then().extract().jsonPath().getInt("total"))
                .isZero();
    }

    @Test
    void aRequesterWhoSetsPriorityIsToldInTheirLanguageWhatToLeaveOut() {
        Map<String, Object> body = Map.of("type", "service_request", "title", "우선순위 " + token(), "impact", "high",
                "priority", "P1");
        asDemo("requester").header("Accept-Language", "ko-KR,ko;q=0.9,en;q=0.5").body(body).post("/api/tickets")
                .then().statusCode(403).contentType("application/problem+json")
                .body("key", equalTo("problem.ticket.deskOnlyFields"))
                .body("args.fields", equalTo("priority, impact"))
                .body("detail", startsWith("서비스 데스크만 정할 수 있는 항목입니다: priority, impact."));
        asDemo("requester").header("Accept-Language", "en").body(body).post("/api/tickets")
                .then().statusCode(403).body("detail", startsWith("Only the service desk sets priority, impact."));
        asDemo("requester").header("Accept-Language", "ko").body(Map.of("type", "service_request", "title", "분류 " + token(),
                        "category", "coffee")).post("/api/tickets")
                .then().statusCode(422).body("key", equalTo("problem.ticket.category"))
                .body("errors[0].field", equalTo("category")).body("errors[0].message", startsWith("목록에 있는 분류를 고르세요"));
    }

    @Test
    void aRequesterCannotSeeAnotherPersonsTicket() {
        String other = asDemo("agent").body(Map.of("type", "service_request", "title", "남의 요청 " + token(),
                "requester", "yuna.choi@hanbit.example")).post("/api/tickets").then().statusCode(201).extract().path("key");
        asDemo("requester").header("Accept-Language", "ko").get("/api/tickets/" + other).then().statusCode(404)
                .body("key", equalTo("problem.ticket.notFound")).body("detail", startsWith("티켓 " + other));
        asDemo("requester").body(Map.of("body", "끼어들기")).post("/api/tickets/" + other + "/comments").then().statusCode(404);
        asDemo("requester").body(Map.of("score", 5)).post("/api/tickets/" + other + "/rating").then().statusCode(404);
        List<String> mine = asDemo("requester").queryParam("requester", "yuna.choi@hanbit.example").queryParam("size", 100)
                .get("/api/tickets").then().statusCode(200).extract().jsonPath().getList("items.key");
        assertThat(mine).doesNotContain(other);
    }

    @Test
    void theRequesterReopensInTheWindowAndRatesEachResolutionOnce() {
        String key = asDemo("requester").body(Map.of("type", "service_request", "title", "VPN 계정 " + token(),
                "category", "access")).post("/api/tickets").then().statusCode(201).extract().path("key");
        asDemo("requester").body(Map.of("score", 5)).post("/api/tickets/" + key + "/rating").then().statusCode(409)
                .body("key", equalTo("problem.rating.notResolved"));
        resolve(key, "계정을 만들었습니다");
        JsonPath resolved = asDemo("requester").get("/api/tickets/" + key).then().extract().jsonPath();
        Instant until = Instant.parse(resolved.getString("reopenUntil"));
        assertThat(until).isEqualTo(Instant.parse(resolved.getString("resolvedAt")).plus(3, ChronoUnit.DAYS));

        asDemo("requester").body(Map.of("score", 4, "comment", "빨랐어요")).post("/api/tickets/" + key + "/rating")
                .then().statusCode(201).body("score", equalTo(4));
        asDemo("requester").header("Accept-Language", "ko").body(Map.of("score", 1)).post("/api/tickets/" + key + "/rating")
                .then().statusCode(409).body("key", equalTo("problem.rating.once")).body("detail", startsWith(key + ": 이번 해결 결과는 이미"));
        asDemo("agent2").body(Map.of("score", 1)).post("/api/tickets/" + key + "/rating").then().statusCode(403);
        JsonPath seenByDesk = asDemo("agent").get("/api/tickets/" + key).then().extract().jsonPath();
        assertThat(seenByDesk.getList("ratings.score", Integer.class)).containsExactly(4);
        assertThat(seenByDesk.getString("ratings[0].comment")).isEqualTo("빨랐어요");

        asDemo("agent").body(Map.of("comment", "대신 열기")).post("/api/tickets/" + key + "/reopen").then().statusCode(403);
        asDemo("requester").body(Map.of("comment", "접속이 다시 안 됩니다")).post("/api/tickets/" + key + "/reopen")
                .then().statusCode(200).body("status", equalTo("in_progress"));
        JsonPath reopened = asDemo("agent").get("/api/tickets/" + key).then().extract().jsonPath();
        assertThat(reopened.getString("status")).isEqualTo("in_progress");
        assertThat(reopened.getList("comments.body")).contains("접속이 다시 안 됩니다");
        assertThat(reopened.getString("reopenUntil")).isNull();
        asDemo("requester").body(Map.of()).post("/api/tickets/" + key + "/reopen").then().statusCode(409)
                .body("key", equalTo("problem.ticket.reopenNotResolved"));

        resolve(key, "권한을 다시 줬습니다");
        asDemo("requester").body(Map.of("score", 2)).post("/api/tickets/" + key + "/rating").then().statusCode(201);
        assertThat(asDemo("agent").get("/api/tickets/" + key).then().extract().jsonPath().getList("ratings.score", Integer.class))
                .containsExactly(4, 2);

        String today = LocalDate.now(ZoneId.of("Asia/Seoul")).toString();
        JsonPath report = asDemo("agent").queryParam("from", today).queryParam("to", today)
                .get("/api/reports/satisfaction").then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("total.count")).isGreaterThanOrEqualTo(2);
        assertThat(report.getList("groups.group")).contains("Service Desk");
        assertThat(report.getList("buckets[0].groups.group")).contains("Service Desk");
        asDemo("requester").get("/api/reports/satisfaction").then().statusCode(403);
    }

    @Test
    void anAgentFilesForANewContactOfAnOrganisationAndQueuesFilterByIt() {
        String t = token();
        long org = asDemo("agent").body(Map.of("name", "새봄유통 " + t)).post("/api/organisations")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        asDemo("agent").header("Accept-Language", "ko").body(Map.of("name", "새봄유통 " + t)).post("/api/organisations")
                .then().statusCode(409).body("key", equalTo("problem.organisation.nameTaken"));
        String email = "hana." + t + "@saebom.example";
        JsonPath contact = asDemo("agent").body(Map.of("displayName", "오하나", "email", email, "phone", "+82 10-1234-5678",
                "organisation", String.valueOf(org))).post("/api/contacts").then().statusCode(201).extract().jsonPath();
        assertThat(contact.getString("organisation.name")).isEqualTo("새봄유통 " + t);
        assertThat(contact.getBoolean("canSignIn")).isFalse();
        asDemo("agent").body(Map.of("displayName", "중복", "email", email)).post("/api/contacts").then().statusCode(409)
                .body("key", equalTo("problem.contact.emailTaken"));
        asDemo("agent").queryParam("q", "오하나").get("/api/contacts").then().statusCode(200)
                .body("items[0].email", equalTo(email));
        asDemo("requester").get("/api/contacts").then().statusCode(403);

        String username = contact.getString("username");
        String key = multipart("agent")
                .multiPart(ticketPart("{\"type\":\"incident\",\"title\":\"전화 접수 " + t + "\",\"requester\":\"" + username
                        + "\",\"impact\":\"high\",\"urgency\":\"medium\",\"category\":\"network\"}"))
                .multiPart("file", "통화메모.txt", "통화 내용".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/api/tickets").then().statusCode(201).body("requester.username", equalTo(username))
                .body("attachments[0].fileName", equalTo("통화메모.txt")).extract().path("key");
        String elsewhere = asDemo("agent").body(Map.of("type", "incident", "title", "다른 조직 " + t, "requester", "requester"))
                .post("/api/tickets").then().statusCode(201).extract().path("key");

        List<String> ofOrg = asDemo("agent").queryParam("organisation", org).get("/api/tickets").then().statusCode(200)
                .extract().jsonPath().getList("items.key");
        assertThat(ofOrg).containsExactly(key);
        assertThat(asDemo("agent").queryParam("organisation", org).get("/api/tickets/counts").then().extract().jsonPath()
                .getInt("total")).isEqualTo(1);
        assertThat(ofOrg).doesNotContain(elsewhere);
        JsonPath page = asDemo("agent").get("/api/organisations/" + org).then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("people.email")).containsExactly(email);
        assertThat(asDemo("agent").get("/api/organisations").then().extract().jsonPath().getList("items.name"))
                .contains("한빛전자 (Hanbit Electronics)", "Blue Harbor Logistics", "새봄유통 " + t);
    }

    /** Multipart as a browser sends it: UTF-8 file names (Korean ones included). */
    private static RequestSpecification multipart(String user) {
        return asDemo(user).config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE))).contentType("multipart/form-data; charset=UTF-8");
    }

    /** The part named ticket: the JSON of a plain create, in UTF-8. */
    private static MultiPartSpecification ticketPart(String json) {
        return new MultiPartSpecBuilder(json).controlName("ticket").mimeType("application/json").charset(StandardCharsets.UTF_8)
                .build();
    }

    private static String json(String type, String title, String category) {
        return "{\"type\":\"" + type + "\",\"title\":\"" + title + "\""
                + (category == null ? "" : ",\"category\":\"" + category + "\"") + "}";
    }

    private static void resolve(String key, String resolution) {
        asDemo("agent").body(Map.of("group", "Service Desk", "assignee", "agent", "status", "in_progress"))
                .patch("/api/tickets/" + key).then().statusCode(200);
        asDemo("agent").body(Map.of("status", "resolved", "resolution", resolution)).patch("/api/tickets/" + key)
                .then().statusCode(200);
    }
}
