package io.beacon.it;

import static io.beacon.it.support.Api.as;
import static io.beacon.it.support.Api.asAdmin;
import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.beacon.it.support.BeaconServer;
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

/** Changes and their approval tasks over HTTP, on the real server (demo CAB: admin and approver; rule: all). */
@ExtendWith(BeaconServerExtension.class)
class ChangeApiIT {
    private static final RequestSpecification APPROVER = asDemo("approver");

    private static long createCi(String name) {
        return ((Number) asAdmin().body(Map.of("name", name, "type", "server")).post("/api/cis")
                .then().statusCode(201).extract().path("id")).longValue();
    }

    /** A window far in the future, shifted by {@code days}, so that runs never meet each other's changes. */
    private static Map<String, Object> change(String type, String risk, long ci, int days) {
        Instant start = Instant.now().plus(400 + days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("title", "DB 서버 패치 " + UUID.randomUUID());
        body.put("description", "월간 보안 패치");
        body.put("risk", risk);
        body.put("ciIds", List.of(ci));
        body.put("plannedStart", start.toString());
        body.put("plannedEnd", start.plus(2, ChronoUnit.HOURS).toString());
        body.put("implementationPlan", "apply the patch, reboot");
        body.put("backoutPlan", "restore the snapshot");
        return body;
    }

    private static JsonPath create(RequestSpecification who, Map<String, Object> body) {
        return who.body(body).post("/api/changes").then().statusCode(201).extract().jsonPath();
    }

    private static String approvalTaskOf(RequestSpecification who, String changeKey) {
        List<Map<String, Object>> tasks = who.get("/api/tasks").then().statusCode(200).extract().path("items");
        return tasks.stream().filter(t -> changeKey.equals(t.get("changeKey")) && "approve".equals(t.get("taskKey")))
                .map(t -> (String) t.get("id")).findFirst()
                .orElseThrow(() -> new AssertionError("no approval task of " + changeKey + " in " + tasks));
    }

    private static void decide(RequestSpecification who, String taskId, boolean approved, String comment) {
        who.body(Map.of("approved", approved, "comment", comment)).post("/api/tasks/" + taskId + "/complete")
                .then().statusCode(200);
    }

    @Test
    void aNormalChangeIsScheduledOnceTheCabApprovedIt() {
        long ci = createCi("it-chg-" + UUID.randomUUID());
        JsonPath created = create(asDemo("agent"), change("normal", "high", ci, 0));
        String key = created.getString("key");
        assertThat(key).matches("CHG-\\d+");
        assertThat(created.getString("status")).isEqualTo("approval");
        assertThat(created.getString("requester")).isEqualTo("agent");

        String task = approvalTaskOf(APPROVER, key);
        APPROVER.get("/api/tasks/" + task).then().statusCode(200)
                .body("changeKey", equalTo(key)).body("name", containsString(key)).body("decision", equalTo(true));
        decide(APPROVER, task, true, "백업 확인함");
        asDemo("agent").get("/api/changes/" + key).then().statusCode(200).body("status", equalTo("approval"));
        decide(asAdmin(), approvalTaskOf(asAdmin(), key), true, "ok");

        asDemo("agent").get("/api/changes/" + key).then().statusCode(200)
                .body("status", equalTo("scheduled"))
                .body("approvals.approver", containsInAnyOrder("approver", "admin"))
                .body("approvals.decision", contains("approved", "approved"))
                .body("approvals[0].comment", equalTo("백업 확인함"))
                .body("approvals[0].at", notNullValue());
        asDemo("agent").queryParam("ciId", ci).get("/api/changes").then().statusCode(200)
                .body("items[0].key", equalTo(key)).body("items[0].approvals", hasSize(2));
        asDemo("agent").get("/api/changes/" + key + "/process").then().statusCode(200)
                .body("currentActivities", contains("startImplementation"))
                .body("history.activityId", hasItem("findCab"));

        // implement -> review -> closed, step by step through PATCH status
        for (String status : List.of("implementing", "review", "closed")) {
            Map<String, Object> step = "closed".equals(status) ? Map.of("status", status, "outcome", "successful")
                    : Map.of("status", status);
            asDemo("agent").body(step).patch("/api/changes/" + key).then().statusCode(200)
                    .body("status", equalTo(status));
        }
        asDemo("agent").get("/api/changes/" + key + "/process").then().body("ended", equalTo(true));
    }

    @Test
    void aStandardChangeNeedsNoApproval() {
        long ci = createCi("it-chg-std-" + UUID.randomUUID());
        JsonPath created = create(asDemo("agent"), change("standard", "low", ci, 3));
        assertThat(created.getString("status")).isEqualTo("scheduled");
        String key = created.getString("key");
        List<Map<String, Object>> tasks = APPROVER.get("/api/tasks").then().extract().path("items");
        assertThat(tasks).noneMatch(t -> key.equals(t.get("changeKey")));
        // the change calendar lists it in its window
        asDemo("agent").queryParam("from", created.getString("plannedStart")).queryParam("to", created.getString("plannedEnd"))
                .queryParam("ciId", ci).get("/api/changes").then().statusCode(200)
                .body("items.key", contains(key)).body("total", equalTo(1));
    }

    @Test
    void aRejectionEndsTheChangeWithTheReason() {
        long ci = createCi("it-chg-rej-" + UUID.randomUUID());
        String key = create(asDemo("agent"), change("normal", "medium", ci, 6)).getString("key");
        String task = approvalTaskOf(APPROVER, key);
        APPROVER.body(Map.of("decision", "reject")).post("/api/tasks/" + task + "/complete").then().statusCode(422);
        APPROVER.body(Map.of("decision", "reject", "comment", "백아웃 계획이 부족합니다"))
                .post("/api/tasks/" + task + "/complete").then().statusCode(200);
        asDemo("agent").get("/api/changes/" + key).then().statusCode(200)
                .body("status", equalTo("rejected"))
                .body("statusReason", containsString("백아웃 계획이 부족합니다"))
                .body("approvals", hasSize(1))
                .body("approvals[0].decision", equalTo("rejected"));
        List<Map<String, Object>> adminTasks = asAdmin().get("/api/tasks").then().extract().path("items");
        assertThat(adminTasks).noneMatch(t -> key.equals(t.get("changeKey")));
    }

    @Test
    void fourEyesAndCandidatesAreEnforced() {
        long ci = createCi("it-chg-4eyes-" + UUID.randomUUID());
        // admin requests: admin's CAB seat disappears, only approver decides
        JsonPath byAdmin = create(asAdmin(), change("normal", "high", ci, 9));
        String key = byAdmin.getString("key");
        List<Map<String, Object>> adminTasks = asAdmin().get("/api/tasks").then().extract().path("items");
        assertThat(adminTasks).noneMatch(t -> key.equals(t.get("changeKey")));
        String task = approvalTaskOf(APPROVER, key);
        // not a candidate: 403, for the agent as for the requester
        asDemo("agent").body(Map.of("approved", true)).post("/api/tasks/" + task + "/complete").then().statusCode(403);
        asAdmin().body(Map.of("approved", true)).post("/api/tasks/" + task + "/complete").then().statusCode(403);
        asAdmin().post("/api/tasks/" + task + "/claim").then().statusCode(403);
        // the approver claims it; then it is theirs alone
        APPROVER.post("/api/tasks/" + task + "/claim").then().statusCode(200).body("assignee", equalTo("approver"));
        decide(APPROVER, task, true, "ok");
        asAdmin().get("/api/changes/" + key).then().body("status", equalTo("scheduled"));

        // the implementer is the approver: approver holds no seat; an agent cannot decide: the change is rejected
        Map<String, Object> body = change("normal", "high", ci, 12);
        body.put("implementer", "approver");
        String noSeat = create(asDemo("agent"), body).getString("key");
        List<Map<String, Object>> approverTasks = APPROVER.get("/api/tasks").then().extract().path("items");
        assertThat(approverTasks).noneMatch(t -> noSeat.equals(t.get("changeKey")) && "approve".equals(t.get("taskKey")));
        decide(asAdmin(), approvalTaskOf(asAdmin(), noSeat), true, "ok");
        asDemo("agent").get("/api/changes/" + noSeat).then().body("status", equalTo("scheduled"));
    }

    /** A user of its own for one test, with a password of its own (demo users are shared by every IT). */
    private static String newUser(String prefix, String role) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 8);
        asAdmin().body(Map.of("username", name, "password", name + "-pass-1", "roles", List.of(role)))
                .post("/api/users").then().statusCode(201);
        return name;
    }

    private static RequestSpecification asUser(String name) {
        return as(name, name + "-pass-1");
    }

    @Test
    void aSubstituteTakesTheApproversSeatForAPeriod() {
        Instant now = Instant.now();
        String deputy = newUser("deputy-", "approver");
        APPROVER.body(Map.of("substitute", deputy, "from", now.minusSeconds(60).toString(),
                "until", now.plusSeconds(120).toString())).post("/api/changes/substitutes").then().statusCode(201)
                .body("approver", equalTo("approver")).body("substitute", equalTo(deputy));
        APPROVER.get("/api/changes/substitutes").then().statusCode(200).body("items.substitute", hasItem(deputy));
        asDemo("agent2").body(Map.of("approver", "admin", "substitute", "agent2", "until", now.plusSeconds(60).toString()))
                .post("/api/changes/substitutes").then().statusCode(403);

        long ci = createCi("it-chg-sub-" + UUID.randomUUID());
        String key = create(asDemo("agent"), change("normal", "high", ci, 18)).getString("key");
        String seat = approvalTaskOf(asUser(deputy), key);
        asUser(deputy).get("/api/tasks/" + seat).then().body("candidateUsers", hasItem(deputy))
                .body("candidateUsers[0]", equalTo("approver"));
        decide(asUser(deputy), seat, true, "대결 승인");
        asDemo("agent").get("/api/changes/" + key).then()
                .body("approvals[0].approver", equalTo(deputy))
                .body("approvals[0].onBehalfOf", equalTo("approver"));
    }

    @Test
    void onlyApproversAreNamedSubstitutesAndOnlyApproversDecide() {
        Instant now = Instant.now();
        // a requester or an agent named as substitute: refused, naming the field
        for (String notAnApprover : List.of("requester", "agent2")) {
            APPROVER.body(Map.of("substitute", notAnApprover, "until", now.plusSeconds(120).toString()))
                    .post("/api/changes/substitutes").then().statusCode(422).contentType("application/problem+json")
                    .body("detail", containsString("approver role")).body("errors[0].field", equalTo("substitute"));
        }
        // an approver named as substitute who is a mere requester by the time they decide: 403, and the
        // task leaves their inbox
        String formerApprover = newUser("former-", "approver");
        APPROVER.body(Map.of("substitute", formerApprover, "from", now.minusSeconds(60).toString(),
                "until", now.plusSeconds(120).toString())).post("/api/changes/substitutes").then().statusCode(201);
        long ci = createCi("it-chg-subrole-" + UUID.randomUUID());
        String key = create(asDemo("agent"), change("normal", "high", ci, 27)).getString("key");
        String seat = approvalTaskOf(asUser(formerApprover), key);
        asAdmin().body(Map.of("roles", List.of("requester"))).patch("/api/users/" + formerApprover)
                .then().statusCode(200);
        asUser(formerApprover).body(Map.of("approved", true, "comment", "ok")).post("/api/tasks/" + seat + "/complete")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("approver role"));
        List<Map<String, Object>> tasks = asUser(formerApprover).get("/api/tasks").then().statusCode(200)
                .extract().path("items");
        assertThat(tasks).noneMatch(t -> key.equals(t.get("changeKey")));
        asDemo("agent").get("/api/changes/" + key).then().body("status", equalTo("approval"))
                .body("approvals", empty());
    }

    @Test
    void whileAChangeAwaitsApprovalOnlyItsRequesterOrAnAdminEditsIt() {
        long ci = createCi("it-chg-edit403-" + UUID.randomUUID());
        String key = create(asDemo("agent"), change("normal", "high", ci, 21)).getString("key");
        for (RequestSpecification other : List.of(asDemo("agent2"), APPROVER)) {
            other.body(Map.of("risk", "low")).patch("/api/changes/" + key).then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("detail", containsString("only its requester (agent) or an admin may edit it"));
        }
        asDemo("agent2").body(Map.of("description", "오타 수정")).patch("/api/changes/" + key).then().statusCode(403);
        asDemo("agent").get("/api/changes/" + key).then().body("risk", equalTo("high"))
                .body("description", equalTo("월간 보안 패치"));

        // an admin may edit it, and having rewritten the plan, holds no seat any more (four eyes)
        asAdmin().body(Map.of("backoutPlan", "복제본으로 전환")).patch("/api/changes/" + key).then().statusCode(200)
                .body("approvalRound", equalTo(2)).body("revisions[0].field", equalTo("backoutPlan"))
                .body("revisions[0].actor", equalTo("admin"));
        List<Map<String, Object>> adminTasks = asAdmin().get("/api/tasks").then().extract().path("items");
        assertThat(adminTasks).noneMatch(t -> key.equals(t.get("changeKey")));
        decide(APPROVER, approvalTaskOf(APPROVER, key), true, "ok");
        asDemo("agent").get("/api/changes/" + key).then().body("status", equalTo("scheduled"))
                .body("approvals.approver", contains("approver"));
    }

    @Test
    void revisingWhatWasApprovedWithdrawsTheApprovalsAndStartsANewRound() {
        long ci = createCi("it-chg-revise-" + UUID.randomUUID());
        String key = create(asDemo("agent"), change("normal", "high", ci, 24)).getString("key");
        String firstTask = approvalTaskOf(APPROVER, key);
        APPROVER.get("/api/tasks/" + firstTask).then().body("revisions", empty());
        decide(APPROVER, firstTask, true, "백업 확인함");
        String adminsTask = approvalTaskOf(asAdmin(), key);

        // the requester lowers the risk after one approval
        asDemo("agent").body(Map.of("risk", "medium")).patch("/api/changes/" + key).then().statusCode(200)
                .body("status", equalTo("approval"))
                .body("approvalRound", equalTo(2))
                .body("approvals", empty())
                .body("withdrawnApprovals.approver", contains("approver"))
                .body("withdrawnApprovals[0].withdrawnAt", notNullValue())
                .body("revisions", hasSize(1))
                .body("revisions[0].field", equalTo("risk"))
                .body("revisions[0].oldValue", equalTo("high"))
                .body("revisions[0].newValue", equalTo("medium"))
                .body("revisions[0].actor", equalTo("agent"))
                .body("history.find { it.field == 'risk' }.actor", equalTo("agent"))
                .body("history.find { it.field == 'risk' }.oldValue", equalTo("high"))
                .body("history.find { it.field == 'approvalRestarted' }.oldValue",
                        equalTo("withdrawn: approver: approved"))
                .body("history.find { it.field == 'approvalRestarted' }.newValue", equalTo("round 2"))
                .body("history.find { it.field == 'approvalRestarted' }.actor", equalTo("agent"));

        // both approvers have a task of the new round, which shows what changed; the old ones are gone
        String secondTask = approvalTaskOf(APPROVER, key);
        assertThat(secondTask).isNotEqualTo(firstTask);
        APPROVER.get("/api/tasks/" + firstTask).then().statusCode(404);
        asAdmin().get("/api/tasks/" + adminsTask).then().statusCode(404);
        APPROVER.get("/api/tasks/" + secondTask).then().statusCode(200)
                .body("revisions.field", contains("risk")).body("revisions[0].oldValue", equalTo("high"))
                .body("revisions[0].newValue", equalTo("medium"));
        asAdmin().get("/api/changes/" + key + "/process").then()
                .body("history.activityId", hasItem("withdrawDecisions"));

        // a typo in the description is no revision of what was approved: same round, same task
        asDemo("agent").body(Map.of("description", "월간 보안 패치 (오타 수정)")).patch("/api/changes/" + key)
                .then().statusCode(200).body("approvalRound", equalTo(2));
        assertThat(approvalTaskOf(APPROVER, key)).isEqualTo(secondTask);

        // the new round needs every approval again (rule all): the withdrawn one does not count
        decide(asAdmin(), approvalTaskOf(asAdmin(), key), true, "ok");
        asDemo("agent").get("/api/changes/" + key).then().body("status", equalTo("approval"));
        decide(APPROVER, secondTask, true, "위험도 조정 확인");
        asDemo("agent").get("/api/changes/" + key).then().body("status", equalTo("scheduled"))
                .body("approvals", hasSize(2)).body("withdrawnApprovals", hasSize(1));

        // approved: what was approved is frozen (a new change is needed)
        asDemo("agent").body(Map.of("risk", "low")).patch("/api/changes/" + key).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("approved as it is"));
        asDemo("agent").get("/api/changes/" + key).then().body("risk", equalTo("medium"));
    }

    @Test
    void anOverlappingApprovedChangeOnTheSameOrADependentCiIsFlagged() {
        long db = createCi("it-chg-db-" + UUID.randomUUID());
        long app = createCi("it-chg-app-" + UUID.randomUUID());
        asAdmin().body(Map.of("type", "depends_on", "targetId", db)).post("/api/cis/" + app + "/relations")
                .then().statusCode(201);
        String first = create(asDemo("agent"), change("standard", "low", db, 15)).getString("key");
        // same window on the application, which depends on the database being changed
        JsonPath second = create(asDemo("agent"), change("normal", "medium", app, 15));
        assertThat(second.getList("conflicts.kind")).containsExactly("change");
        assertThat(second.getList("conflicts.ref")).containsExactly(first);
        assertThat(second.getString("conflicts[0].reason")).contains("it-chg-db-");
        // a later window has no conflict
        JsonPath third = create(asDemo("agent"), change("normal", "medium", app, 16));
        assertThat(third.getList("conflicts")).isEmpty();
    }

    @Test
    void badInputIsRefusedWithTheFieldNamed() {
        asDemo("agent").body(Map.of("type", "weird", "title", "x", "plannedStart", "2030-01-01T00:00:00Z",
                "plannedEnd", "2029-01-01T00:00:00Z")).post("/api/changes").then().statusCode(422);
        asDemo("requester").body(change("normal", "low", 1, 0)).post("/api/changes").then().statusCode(403);
        asDemo("agent").get("/api/changes/CHG-999999").then().statusCode(404);
        asDemo("agent").get("/api/tasks/no-such-task").then().statusCode(404);
    }
}
