package io.beacon.it;

import static io.beacon.it.support.Api.asAdmin;
import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.beacon.it.support.BeaconServerExtension;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A change's whole life over HTTP (demo CAB: admin and approver, rule all): approvals counted as "1 of 2",
 * the steps after approval with notes and an outcome, windows in the past refused, and standard changes
 * from the catalogue of pre-approved templates.
 */
@ExtendWith(BeaconServerExtension.class)
class ChangeLifecycleIT {
    private static final RequestSpecification AGENT = asDemo("agent");
    private static final RequestSpecification APPROVER = asDemo("approver");

    private static long createCi(String name) {
        return ((Number) asAdmin().body(Map.of("name", name, "type", "server")).post("/api/cis")
                .then().statusCode(201).extract().path("id")).longValue();
    }

    private static Map<String, Object> change(long ci, Instant start) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "normal");
        body.put("title", "메일 서버 OS 패치 " + UUID.randomUUID());
        body.put("risk", "high");
        body.put("ciIds", List.of(ci));
        body.put("plannedStart", start.toString());
        body.put("plannedEnd", start.plus(2, ChronoUnit.HOURS).toString());
        body.put("implementationPlan", "snapshot, patch, reboot");
        body.put("backoutPlan", "restore the snapshot");
        body.put("testPlan", "send and receive a mail");
        return body;
    }

    private static String approvalTaskOf(RequestSpecification who, String changeKey) {
        List<Map<String, Object>> tasks = who.get("/api/tasks").then().statusCode(200).extract().path("items");
        return tasks.stream().filter(t -> changeKey.equals(t.get("changeKey")) && "approve".equals(t.get("taskKey")))
                .map(t -> (String) t.get("id")).findFirst()
                .orElseThrow(() -> new AssertionError("no approval task of " + changeKey + " in " + tasks));
    }

    @Test
    void createApproveOneOfTwoThenTheSecondThenImplementReviewAndCloseWithNotes() {
        long ci = createCi("it-life-" + UUID.randomUUID());
        Instant start = Instant.now().plus(500, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        JsonPath created = AGENT.body(change(ci, start)).post("/api/changes").then().statusCode(201).extract().jsonPath();
        String key = created.getString("key");
        assertThat(created.getString("status")).isEqualTo("approval");
        assertThat(created.getString("testPlan")).isEqualTo("send and receive a mail");
        assertThat(created.getInt("approvalProgress.approved")).isZero();
        assertThat(created.getInt("approvalProgress.required")).isEqualTo(2);

        APPROVER.body(Map.of("approved", true, "comment", "스냅샷 확인")).post("/api/tasks/" + approvalTaskOf(APPROVER, key)
                + "/complete").then().statusCode(200);
        AGENT.get("/api/changes/" + key).then().statusCode(200)
                .body("status", equalTo("approval"))
                .body("approvalProgress.approved", equalTo(1)).body("approvalProgress.required", equalTo(2))
                .body("approvals.approver", contains("approver")).body("approvals[0].comment", equalTo("스냅샷 확인"));

        asAdmin().body(Map.of("approved", true, "comment", "ok")).post("/api/tasks/" + approvalTaskOf(asAdmin(), key)
                + "/complete").then().statusCode(200);
        AGENT.get("/api/changes/" + key).then().statusCode(200).body("status", equalTo("scheduled"))
                .body("approvalProgress", nullValue()).body("approvals.approver", contains("approver", "admin"));

        // closing before review is not a step the process offers
        AGENT.body(Map.of("status", "closed", "outcome", "successful")).patch("/api/changes/" + key).then().statusCode(409);
        AGENT.body(Map.of("status", "implementing", "note", "시작: 스냅샷 생성 완료")).patch("/api/changes/" + key)
                .then().statusCode(200).body("status", equalTo("implementing"));
        AGENT.body(Map.of("status", "review", "note", "패치 적용, 재부팅 완료")).patch("/api/changes/" + key)
                .then().statusCode(200).body("status", equalTo("review"));
        // closing needs the outcome; a backed-out change says why
        AGENT.body(Map.of("status", "closed")).patch("/api/changes/" + key).then().statusCode(422)
                .body("errors.field", hasItem("outcome"));
        AGENT.body(Map.of("status", "closed", "outcome", "backed_out")).patch("/api/changes/" + key).then().statusCode(422)
                .body("errors.field", hasItem("note"));
        AGENT.body(Map.of("status", "closed", "outcome", "backed_out", "note", "메일 큐 적체로 원복"))
                .patch("/api/changes/" + key).then().statusCode(200)
                .body("status", equalTo("closed")).body("outcome", equalTo("backed_out"))
                .body("history.findAll { it.field == 'stepNote' }.newValue",
                        contains("시작: 스냅샷 생성 완료", "패치 적용, 재부팅 완료", "메일 큐 적체로 원복"));
        AGENT.get("/api/changes/" + key + "/process").then().statusCode(200).body("ended", equalTo(true))
                .body("history.activityId", hasItems("startImplementation", "finishImplementation", "review", "close",
                        "outcomeOf", "closedBackedOut"));
    }

    @Test
    void aWindowInThePastIsRefusedNamingTheField() {
        long ci = createCi("it-past-" + UUID.randomUUID());
        AGENT.body(change(ci, Instant.now().minus(3, ChronoUnit.HOURS))).post("/api/changes").then().statusCode(422)
                .body("errors.field", contains("plannedEnd")).body("errors[0].message", containsString("in the past"));
        AGENT.body(change(ci, Instant.now().minus(1, ChronoUnit.HOURS))).post("/api/changes").then().statusCode(422)
                .body("errors.field", contains("plannedStart"));

        String key = AGENT.body(change(ci, Instant.now().plus(30, ChronoUnit.DAYS))).post("/api/changes").then()
                .statusCode(201).extract().path("key");
        AGENT.body(Map.of("plannedStart", Instant.now().minus(3, ChronoUnit.HOURS).toString(),
                        "plannedEnd", Instant.now().minus(2, ChronoUnit.HOURS).toString()))
                .patch("/api/changes/" + key).then().statusCode(422).body("errors.field", contains("plannedEnd"));

        // a window that passes while the change awaits approval: approving it is refused (the requester must
        // reschedule it, which starts approval again); rejecting it is still possible
        Instant now = Instant.now();
        Map<String, Object> brief = change(ci, now);
        brief.put("plannedEnd", now.plusSeconds(4).toString());
        String late = AGENT.body(brief).post("/api/changes").then().statusCode(201).body("status", equalTo("approval"))
                .extract().path("key");
        long wait = Math.max(0, now.plusSeconds(5).toEpochMilli() - System.currentTimeMillis());
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String task = approvalTaskOf(APPROVER, late);
        APPROVER.body(Map.of("approved", true, "comment", "ok")).post("/api/tasks/" + task + "/complete").then()
                .statusCode(422).body("errors.field", contains("plannedEnd"))
                .body("detail", containsString("reschedule"));
        AGENT.get("/api/changes/" + late).then().body("status", equalTo("approval")).body("approvals", org.hamcrest.Matchers.empty());
        APPROVER.body(Map.of("approved", false, "comment", "기간이 지났습니다")).post("/api/tasks/" + task + "/complete")
                .then().statusCode(200);
        AGENT.get("/api/changes/" + late).then().body("status", equalTo("rejected"));
    }

    @Test
    void aStandardChangeFromATemplateIsScheduledWithoutApproval() {
        long ci = createCi("it-tpl-" + UUID.randomUUID());
        String name = "인증서 갱신 " + UUID.randomUUID();
        AGENT.body(Map.of("name", name, "implementationPlan", "x", "backoutPlan", "y")).post("/api/change-templates")
                .then().statusCode(403);
        asAdmin().body(Map.of("name", "", "implementationPlan", "x")).post("/api/change-templates").then()
                .statusCode(422).body("errors.field", hasItems("name", "backoutPlan"));
        long template = ((Number) asAdmin().body(Map.of("name", name, "description", "TLS 인증서 교체", "risk", "low",
                        "ciIds", List.of(ci), "implementationPlan", "install and reload", "backoutPlan", "old cert back",
                        "testPlan", "expiry date shows"))
                .post("/api/change-templates").then().statusCode(201).extract().path("id")).longValue();
        AGENT.get("/api/change-templates").then().statusCode(200).body("items.name", hasItem(name));

        Instant start = Instant.now().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        JsonPath created = AGENT.body(Map.of("templateId", template, "plannedStart", start.toString(),
                "plannedEnd", start.plus(1, ChronoUnit.HOURS).toString())).post("/api/changes").then().statusCode(201)
                .extract().jsonPath();
        assertThat(created.getString("status")).isEqualTo("scheduled");
        assertThat(created.getString("type")).isEqualTo("standard");
        assertThat(created.getString("title")).isEqualTo(name);
        assertThat(created.getString("testPlan")).isEqualTo("expiry date shows");
        assertThat(created.getList("ciIds", Number.class)).extracting(Number::longValue).containsExactly(ci);
        assertThat(created.getLong("templateId")).isEqualTo(template);
        List<Map<String, Object>> tasks = APPROVER.get("/api/tasks").then().extract().path("items");
        assertThat(tasks).noneMatch(t -> created.getString("key").equals(t.get("changeKey")));
        AGENT.get("/api/changes/" + created.getString("key") + "/process").then()
                .body("history.activityId", hasItem("schedule")).body("currentActivities", contains("startImplementation"));
        // a template change is standard, never normal
        AGENT.body(Map.of("templateId", template, "type", "normal", "plannedStart", start.toString(),
                "plannedEnd", start.plus(1, ChronoUnit.HOURS).toString())).post("/api/changes").then().statusCode(422)
                .body("errors.field", contains("type"));
        // the demo catalogue holds a Korean and an English template
        AGENT.get("/api/change-templates").then().body("items.name", hasItems("월간 OS 보안 패치 적용", "Renew a TLS certificate"));
    }

    @Test
    void theConflictCheckOfANewChangeNamesApprovedChangesOnTheSameCi() {
        long ci = createCi("it-conf-" + UUID.randomUUID());
        Instant start = Instant.now().plus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> std = change(ci, start);
        std.put("type", "standard");
        std.put("risk", "low");
        String key = AGENT.body(std).post("/api/changes").then().statusCode(201).body("status", equalTo("scheduled"))
                .extract().path("key");
        AGENT.body(Map.of("ciIds", List.of(ci), "plannedStart", start.plus(1, ChronoUnit.HOURS).toString(),
                        "plannedEnd", start.plus(3, ChronoUnit.HOURS).toString()))
                .post("/api/changes/conflicts").then().statusCode(200)
                .body("items.kind", contains("change")).body("items.ref", contains(key));
        AGENT.body(Map.of("ciIds", List.of(ci), "plannedStart", start.plus(5, ChronoUnit.HOURS).toString(),
                        "plannedEnd", start.plus(6, ChronoUnit.HOURS).toString()))
                .post("/api/changes/conflicts").then().statusCode(200).body("total", equalTo(0));
    }
}
