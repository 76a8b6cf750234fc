package io.beacon.it;

import static io.beacon.it.support.Api.asAdmin;
import static io.beacon.it.support.Api.asDemo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.beacon.it.support.BeaconServerExtension;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(BeaconServerExtension.class)
class MaintenanceWindowApiIT {

    private static long ci(String name) {
        return ((Number) asAdmin().body(Map.of("name", name, "type", "server")).post("/api/cis")
                .then().statusCode(201).extract().path("id")).longValue();
    }

    @Test
    void anAgentPlansAWindowOnACiAndSeesItUnderWayThenRemovesIt() {
        long ci = ci("mw-" + UUID.randomUUID());
        Instant start = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(2, ChronoUnit.HOURS);
        int id = asDemo("agent").body(Map.of("ciIds", List.of(ci), "start", start.toString(), "end", end.toString(),
                        "reason", "스토리지 펌웨어 업데이트"))
                .post("/api/maintenance-windows").then().statusCode(201)
                .body("ref", startsWith("MW-"))
                .body("ciIds", contains((int) ci))
                .body("reason", equalTo("스토리지 펌웨어 업데이트"))
                .body("activeNow", equalTo(true))
                .body("timeZone", equalTo("Asia/Seoul"))
                .body("createdBy", equalTo("agent"))
                .extract().path("id");

        asDemo("approver").queryParam("ciId", ci).get("/api/maintenance-windows").then().statusCode(200)
                .body("items.id", contains(id));
        asDemo("agent").queryParam("active", true).get("/api/maintenance-windows").then().statusCode(200)
                .body("items.id", hasItem(id));

        asDemo("agent").delete("/api/maintenance-windows/" + id).then().statusCode(204);
        asDemo("agent").get("/api/maintenance-windows/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        asDemo("agent").queryParam("ciId", ci).get("/api/maintenance-windows").then().body("items", hasSize(0));
    }

    @Test
    void aRecurringWindowListsItsNextOccurrences() {
        long ci = ci("mw-weekly-" + UUID.randomUUID());
        asDemo("agent").body(Map.of("ciIds", List.of(ci), "start", "2026-01-03T02:00:00+09:00",
                        "end", "2026-01-03T04:00:00+09:00", "reason", "weekly patching",
                        "recurrence", "FREQ=WEEKLY;BYDAY=SA"))
                .post("/api/maintenance-windows").then().statusCode(201)
                .body("recurrence", equalTo("FREQ=WEEKLY;BYDAY=SA"))
                .body("next", hasSize(5));
    }

    @Test
    void aBadWindowIsRefusedNamingTheFieldsAndRequestersMayNotPlanOne() {
        asDemo("agent").body(Map.of("ciIds", List.of(987654321), "start", "2030-01-01T04:00:00Z",
                        "end", "2030-01-01T02:00:00Z", "reason", "x", "recurrence", "FREQ=NEVER"))
                .post("/api/maintenance-windows").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("end", "recurrence"));
        asDemo("agent").body(Map.of("ciIds", List.of(987654321), "start", "2030-01-01T02:00:00Z",
                        "end", "2030-01-01T04:00:00Z", "reason", "x"))
                .post("/api/maintenance-windows").then().statusCode(422)
                .body("errors.field", hasItem("ciIds"));
        asDemo("agent").body(Map.of("start", "tomorrow")).post("/api/maintenance-windows").then().statusCode(422)
                .body("errors.field", hasItem("start"));
        asDemo("requester").body(Map.of("ciIds", List.of(1), "start", "2030-01-01T02:00:00Z",
                "end", "2030-01-01T04:00:00Z", "reason", "x")).post("/api/maintenance-windows").then().statusCode(403);
        asDemo("requester").get("/api/maintenance-windows").then().statusCode(403)
                .body("status", not(equalTo(200)));
    }
}
