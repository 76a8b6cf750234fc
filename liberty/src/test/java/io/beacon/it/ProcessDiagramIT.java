package io.beacon.it;

import static io.beacon.it.support.Api.as;
import static io.beacon.it.support.Api.asAdmin;
import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.it.support.BeaconServerExtension;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
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
 * The process diagrams over HTTP: the BPMN of the version an instance runs, its active and completed
 * activities, for exactly those who may read the ticket or change (refused as the ticket or change itself is).
 */
@ExtendWith(BeaconServerExtension.class)
class ProcessDiagramIT {

    private static JsonPath diagram(RequestSpecification who, String path) {
        return who.get(path).then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    /** The refusal of the diagram is the refusal of the resource itself: same status, same problem. */
    private static void refusedAlike(RequestSpecification who, String resource, int status) {
        Response own = who.get(resource);
        Response diagram = who.get(resource + "/process/diagram");
        assertThat(own.statusCode()).isEqualTo(status);
        assertThat(diagram.statusCode()).isEqualTo(status);
        assertThat(diagram.contentType()).startsWith("application/problem+json");
        assertThat(diagram.jsonPath().getString("title")).isEqualTo(own.jsonPath().getString("title"));
        assertThat(diagram.asString()).doesNotContain("bpmn");
    }

    @Test
    void aNewTicketWaitsOpenWithItsStartDoneAndOnlyItsRequesterAndTheDeskSeeIt() {
        String key = asDemo("requester").body(Map.of("type", "service_request", "title", "노트북 교체 " + UUID.randomUUID()))
                .post("/api/tickets").then().statusCode(201).extract().path("key");

        JsonPath d = diagram(asDemo("requester"), "/api/tickets/" + key + "/process/diagram");
        assertThat(d.getString("processKey")).isEqualTo("ticket-lifecycle");
        assertThat(d.getList("active", String.class)).containsExactly("working");
        assertThat(d.getList("completed", String.class)).containsExactly("opened", "startSla");
        assertThat(d.getBoolean("ended")).isFalse();
        assertThat(d.getInt("version")).isPositive();
        String xml = d.getString("xml");
        assertThat(xml).contains("<bpmn:process id=\"ticket-lifecycle\"").contains("<bpmndi:BPMNDiagram")
                .contains("bpmnElement=\"working\"");
        // the version matches the one /process names for the same instance
        assertThat(asDemo("agent").get("/api/tickets/" + key + "/process").then().statusCode(200).extract()
                .jsonPath().getInt("version")).isEqualTo(d.getInt("version"));
        assertThat(diagram(asDemo("agent"), "/api/tickets/" + key + "/process/diagram").getList("active", String.class))
                .containsExactly("working");

        // another requester: the ticket does not exist for them, nor does its diagram
        String other = "req-" + UUID.randomUUID().toString().substring(0, 8);
        asAdmin().body(Map.of("username", other, "password", other + "-pass-1", "roles", List.of("requester")))
                .post("/api/users").then().statusCode(201);
        refusedAlike(as(other, other + "-pass-1"), "/api/tickets/" + key, 404);
        // the integration role reads no tickets
        refusedAlike(asDemo("monitor"), "/api/tickets/" + key, 403);
        refusedAlike(asDemo("agent"), "/api/tickets/INC-99999999", 404);
    }

    @Test
    void afterTheCabApprovedAChangeItsApprovalIsCompletedAndImplementationActive() {
        long ci = ((Number) asAdmin().body(Map.of("name", "it-diagram-" + UUID.randomUUID(), "type", "server"))
                .post("/api/cis").then().statusCode(201).extract().path("id")).longValue();
        Instant start = Instant.now().plus(700, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> body = new HashMap<>();
        body.put("type", "normal");
        body.put("title", "방화벽 정책 변경 " + UUID.randomUUID());
        body.put("risk", "high");
        body.put("ciIds", List.of(ci));
        body.put("plannedStart", start.toString());
        body.put("plannedEnd", start.plus(1, ChronoUnit.HOURS).toString());
        String key = asDemo("agent").body(body).post("/api/changes").then().statusCode(201).extract().path("key");
        String path = "/api/changes/" + key + "/process/diagram";

        JsonPath waiting = diagram(asDemo("agent"), path);
        assertThat(waiting.getString("processKey")).isEqualTo("change-management");
        assertThat(waiting.getList("active", String.class)).containsExactly("approve");
        assertThat(waiting.getList("completed", String.class)).doesNotContain("approve").isNotEmpty();
        assertThat(waiting.getString("xml")).contains("<bpmn:process id=\"change-management\"")
                .contains("bpmnElement=\"approve\"");

        for (RequestSpecification who : List.of(asDemo("approver"), asAdmin())) {
            List<Map<String, Object>> tasks = who.get("/api/tasks").then().statusCode(200).extract().path("items");
            String task = tasks.stream().filter(t -> key.equals(t.get("changeKey")) && "approve".equals(t.get("taskKey")))
                    .map(t -> (String) t.get("id")).findFirst().orElseThrow();
            who.body(Map.of("approved", true, "comment", "ok")).post("/api/tasks/" + task + "/complete")
                    .then().statusCode(200);
        }

        JsonPath approved = diagram(asDemo("approver"), path);
        assertThat(approved.getList("completed", String.class)).contains("approve");
        assertThat(approved.getList("active", String.class)).containsExactly("startImplementation");
        assertThat(approved.getBoolean("ended")).isFalse();

        // requesters read no changes, and no change diagrams: refused as the change is
        refusedAlike(asDemo("requester"), "/api/changes/" + key, 403);
        refusedAlike(asDemo("agent"), "/api/changes/CHG-99999999", 404);
    }
}
