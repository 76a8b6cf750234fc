package io.beacon.it;

import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.beacon.it.support.BeaconServerExtension;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SLA clocks of tickets as the ticket API shows them (P1: 15 min / 4 h, 24x7). */
@ExtendWith(BeaconServerExtension.class)
class SlaApiIT {

    private static JsonPath openP1(String title) {
        return asDemo("agent").body(Map.of("type", "incident", "title", title, "impact", "high", "urgency", "high"))
                .post("/api/tickets").then().statusCode(201).extract().jsonPath();
    }

    @Test
    void aNewIncidentCarriesItsSlaClocks() {
        JsonPath t = openP1("메일 발송 불가");
        Instant created = Instant.parse(t.getString("createdAt"));
        assertThat(t.getString("priority")).isEqualTo("P1");
        // from the creation (kept to the microsecond, as stored)
        assertThat(Duration.between(created, Instant.parse(t.getString("sla.responseDue"))).toSeconds()).isBetween(899L, 900L);
        assertThat(Duration.between(created, Instant.parse(t.getString("sla.resolutionDue"))).toSeconds())
                .isBetween(4 * 3600L - 1, 4 * 3600L);
        assertThat(t.getBoolean("sla.paused")).isFalse();
        assertThat(t.getBoolean("sla.breached")).isFalse();
        assertThat(t.getBoolean("sla.atRisk")).isFalse();
        assertThat(t.get("sla.responseMet") == null).isTrue();
        assertThat(t.getLong("sla.remainingSeconds")).isBetween(3 * 3600L, 4 * 3600L);
        // the ticket's process is running
        asDemo("agent").get("/api/tickets/" + t.getString("key")).then().statusCode(200)
                .body("sla.resolutionDue", equalTo(t.getString("sla.resolutionDue")));
    }

    @Test
    void aNewPriorityMovesTheClocksToItsTargets() {
        JsonPath t = openP1("백업 지연");
        String key = t.getString("key");
        Instant created = Instant.parse(t.getString("createdAt"));
        Instant p1Due = Instant.parse(t.getString("sla.resolutionDue"));
        // lowered to P4: 45 hours (of work, or round the clock as the test server is set up) from the creation
        JsonPath lowered = asDemo("agent").body(Map.of("priority", "P4")).patch("/api/tickets/" + key)
                .then().statusCode(200).body("priority", equalTo("P4")).extract().jsonPath();
        assertThat(Instant.parse(lowered.getString("sla.resolutionDue")))
                .isAfterOrEqualTo(created.plus(Duration.ofHours(45)).minusSeconds(1));
        assertThat(lowered.getList("history.field", String.class)).contains("sla_target");
        // raised to P1 again: back to 4 h from the creation
        String raised = asDemo("agent").body(Map.of("priority", "P1")).patch("/api/tickets/" + key).then().statusCode(200)
                .extract().path("sla.resolutionDue");
        assertThat(Instant.parse(raised)).isEqualTo(p1Due);
        asDemo("agent").get("/api/tickets/" + key + "/process").then().statusCode(200)
                .body("history.activityId", hasItem("retargetSla")).body("currentActivities", hasItem("working"));
    }

    @Test
    void assignmentIsTheFirstResponseAndPendingPausesTheClock() throws InterruptedException {
        String key = openP1("VPN 장애").getString("key");
        asDemo("agent").body(Map.of("assignee", "agent", "status", "in_progress")).patch("/api/tickets/" + key)
                .then().statusCode(200).body("sla.responseMet", equalTo(true));
        JsonPath pending = asDemo("agent").body(Map.of("status", "pending")).patch("/api/tickets/" + key)
                .then().statusCode(200).body("sla.paused", equalTo(true)).extract().jsonPath();
        Instant dueWhilePending = Instant.parse(pending.getString("sla.resolutionDue"));
        Thread.sleep(1500);
        JsonPath resumed = asDemo("agent").body(Map.of("status", "in_progress")).patch("/api/tickets/" + key)
                .then().statusCode(200).body("sla.paused", equalTo(false)).extract().jsonPath();
        // the due time moved on by the paused time (24x7 for P1)
        assertThat(Instant.parse(resumed.getString("sla.resolutionDue"))).isAfter(dueWhilePending.plusMillis(1000));
        asDemo("agent").body(Map.of("status", "resolved", "resolution", "재시작으로 해결")).patch("/api/tickets/" + key)
                .then().statusCode(200).body("sla.resolutionMet", equalTo(true)).body("sla.atRisk", equalTo(false));
        // the lifecycle process waits for the quiet period to pass (or a reopening)
        asDemo("agent").get("/api/tickets/" + key + "/process").then().statusCode(200)
                .body("processKey", equalTo("ticket-lifecycle")).body("currentActivities", hasItem("quiet"))
                .body("history.activityId", hasItems("startSla", "pauseSla", "resumeSla", "stopSla"));
    }

    @Test
    void aBreachFlagsTheTicketAuditsItAndShowsInTheBreachedList() throws InterruptedException {
        // the IT server gives P4 a 3 s response target, 24x7 (BeaconServer)
        String key = asDemo("agent").body(Map.of("type", "incident", "title", "프린터 용지 걸림", "impact", "low",
                        "urgency", "low", "group", "Service Desk")).post("/api/tickets")
                .then().statusCode(201).body("priority", equalTo("P4")).extract().path("key");
        JsonPath t = null;
        for (int i = 0; i < 90; i++) {
            t = asDemo("agent").get("/api/tickets/" + key).then().statusCode(200).extract().jsonPath();
            if (t.getBoolean("sla.breached")) {
                break;
            }
            Thread.sleep(1000);
        }
        assertThat(t.getBoolean("sla.breached")).as("breached within 90 s").isTrue();
        assertThat(t.getBoolean("sla.responseMet")).isFalse();
        List<String> sla = t.getList("history.findAll { it.field == 'sla' }.newValue");
        assertThat(sla).contains("response_at_risk", "response_breached");
        assertThat(t.getList("history.findAll { it.field == 'sla' }.actor")).containsOnly("system");
        List<String> breached = asDemo("agent").queryParam("sla", "breached").queryParam("size", 1000)
                .get("/api/tickets").then().statusCode(200).extract().path("items.key");
        assertThat(breached).contains(key);
        // the queue counters agree with the list
        asDemo("agent").queryParam("sla", "breached").get("/api/tickets/counts").then().statusCode(200)
                .body("total", equalTo(breached.size()));
        asDemo("agent").queryParam("sla", "late").get("/api/tickets/counts").then().statusCode(422);
    }

    @Test
    void theListFiltersBySlaState() {
        String key = openP1("SLA 필터").getString("key");
        List<String> breached = asDemo("agent").queryParam("sla", "breached").queryParam("size", 1000)
                .get("/api/tickets").then().statusCode(200).extract().path("items.key");
        assertThat(breached).doesNotContain(key);
        asDemo("agent").queryParam("sla", "at_risk,breached").get("/api/tickets").then().statusCode(200)
                .body("total", notNullValue());
        asDemo("agent").queryParam("sla", "late").get("/api/tickets").then().statusCode(422);
        // a problem has no SLA clocks
        asDemo("agent").body(Map.of("type", "problem", "title", "반복 장애")).post("/api/tickets")
                .then().statusCode(201).body("sla", nullValue());
    }
}
