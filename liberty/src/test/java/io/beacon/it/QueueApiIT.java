package io.beacon.it;

import static io.beacon.it.support.Api.asAdmin;
import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.Poll;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The tools of a day's work over HTTP: the due order, bulk changes, saved views, routing of alarm incidents. */
@ExtendWith(BeaconServerExtension.class)
class QueueApiIT {

    private static String open(String title, String priority) {
        return asDemo("agent").body(Map.of("type", "incident", "title", title, "priority", priority))
                .post("/api/tickets").then().statusCode(201).extract().path("key");
    }

    private static List<String> keys(String tag, String sort) {
        return asDemo("agent").queryParam("q", tag).queryParam("sort", sort).queryParam("status", "")
                .get("/api/tickets").then().statusCode(200).extract().jsonPath().getList("items.key", String.class);
    }

    private static List<String> keys(String tag, String sort, int page, int size) {
        return asDemo("agent").queryParam("q", tag).queryParam("sort", sort).queryParam("status", "")
                .queryParam("page", page).queryParam("size", size)
                .get("/api/tickets").then().statusCode(200).extract().jsonPath().getList("items.key", String.class);
    }

    @Test
    void aQueueSortsByTheNextDueTimeOnTheServerAndShowsWhichTargetCounts() {
        String tag = "due-" + UUID.randomUUID();
        // Opened in the order P3, P1, resolved P1, P2: due soonest is P1 (15 min, 24x7), then P2 (30 working
        // minutes), then P3 (4 working hours). (The test server gives P4 a 3 s response target: not used here.)
        String p3 = open(tag + " p3", "P3");
        String p1 = open(tag + " p1", "P1");
        String done = open(tag + " done", "P1");
        asDemo("agent").body(Map.of("status", "resolved", "resolution", "fixed")).patch("/api/tickets/" + done)
                .then().statusCode(200).body("sla.resolved", equalTo(true)).body("sla.counting", equalTo(null))
                .body("sla.resolutionMet", equalTo(true));
        String p2 = open(tag + " p2", "P2");

        assertThat(keys(tag, "due")).as(() -> asDemo("agent").queryParam("q", tag).queryParam("sort", "due")
                .get("/api/tickets").then().extract().jsonPath().getList("items", Map.class).stream()
                .map(i -> i.get("key") + " " + i.get("priority") + " " + i.get("sla")).toList().toString())
                .containsExactly(p1, p2, p3, done);
        // Descending: the latest due first; a ticket without a running clock stays last.
        assertThat(keys(tag, "-due")).containsExactly(p3, p2, p1, done);
        // Page by page: the tickets with a running clock are read apart from the others, and a page that
        // crosses from the one to the other continues the same order.
        assertThat(keys(tag, "due", 0, 3)).containsExactly(p1, p2, p3);
        assertThat(keys(tag, "due", 1, 3)).containsExactly(done);
        assertThat(keys(tag, "due", 1, 2)).containsExactly(p3, done);
        assertThat(keys(tag, "-due", 1, 2)).containsExactly(p1, done);

        JsonPath list = asDemo("agent").queryParam("q", tag).queryParam("sort", "due").get("/api/tickets")
                .then().statusCode(200).extract().jsonPath();
        assertThat(list.getString("items[0].sla.counting")).isEqualTo("response");
        assertThat(list.getLong("items[0].sla.dueSeconds")).isBetween(800L, 900L);
        assertThat(list.getString("items[0].sla.due")).isEqualTo(list.getString("items[0].sla.responseDue"));

        // The first response stops the response clock: the resolution's due time counts now, and the order follows.
        JsonPath responded = asDemo("agent").body(Map.of("assignee", "agent")).patch("/api/tickets/" + p1).then()
                .statusCode(200).body("sla.counting", equalTo("resolution")).extract().jsonPath();
        assertThat(responded.getString("sla.due")).isEqualTo(responded.getString("sla.resolutionDue"));
        // Where its 4 h (24x7) fall among the others depends on the time of day: the order follows the due times.
        List<Map<String, Object>> after = asDemo("agent").queryParam("q", tag).queryParam("sort", "due")
                .get("/api/tickets").then().statusCode(200).extract().jsonPath().getList("items");
        List<java.time.Instant> dues = after.stream().limit(3)
                .map(i -> java.time.Instant.parse((String) ((Map<?, ?>) i.get("sla")).get("due"))).toList();
        assertThat(dues).isSorted();
        assertThat(after.get(3).get("key")).isEqualTo(done);

        asDemo("agent").queryParam("sort", "soon").get("/api/tickets").then().statusCode(422)
                .body("errors.field", hasItem("sort"));
    }

    @Test
    void aListSortedByDueTimePagesByCursorThroughTheRunningClocksAndThenTheOthers() {
        long ci = ((Number) asAdmin().body(Map.of("name", "due-cursor-" + UUID.randomUUID(), "type", "server"))
                .post("/api/cis").then().statusCode(201).extract().path("id")).longValue();
        // Due soonest: the two P1s (15 min, 24x7) in the order opened, then P2 (30 working minutes), then P3 (4
        // working hours); the two resolved ones have no running clock and follow by their order of creation.
        String p3 = openOn(ci, "P3");
        String p1a = openOn(ci, "P1");
        String doneA = resolved(openOn(ci, "P1"));
        String p1b = openOn(ci, "P1");
        String p2 = openOn(ci, "P2");
        String doneB = resolved(openOn(ci, "P2"));

        assertThat(walk("/api/tickets?status=&size=2&sort=due&ciId=" + ci)).containsExactly(p1a, p1b, p2, p3, doneA, doneB);
        assertThat(walk("/api/tickets?status=&size=2&sort=-due&ciId=" + ci)).containsExactly(p3, p2, p1b, p1a, doneB, doneA);
        // A page size that puts the step from the running clocks to the others inside a page.
        assertThat(walk("/api/tickets?status=&size=3&sort=due&ciId=" + ci)).containsExactly(p1a, p1b, p2, p3, doneA, doneB);
        assertThat(walk("/api/tickets?status=&size=5&sort=-due&ciId=" + ci)).containsExactly(p3, p2, p1b, p1a, doneB, doneA);
        // The cursor of one order is refused by another.
        String next = asDemo("agent").get("/api/tickets?status=&size=2&sort=due&ciId=" + ci).then().statusCode(200)
                .extract().path("next");
        String token = next.replaceAll(".*[?&]after=([^&]+).*", "$1");
        asDemo("agent").get("/api/tickets?status=&size=2&sort=-updatedAt&ciId=" + ci + "&after=" + token).then()
                .statusCode(422).body("errors.field", hasItem("after"));
    }

    private static String openOn(long ci, String priority) {
        return asDemo("agent").body(Map.of("type", "incident", "title", "due cursor " + priority, "priority", priority,
                "ciIds", List.of(ci))).post("/api/tickets").then().statusCode(201).extract().path("key");
    }

    private static String resolved(String key) {
        asDemo("agent").body(Map.of("status", "resolved", "resolution", "fixed")).patch("/api/tickets/" + key)
                .then().statusCode(200).body("sla.counting", equalTo(null));
        return key;
    }

    /** Every key of a list, following its next links from the first page to the last (a page without one). */
    private static List<String> walk(String first) {
        List<String> keys = new java.util.ArrayList<>();
        String page = first;
        for (int pages = 0; page != null; pages++) {
            assertThat(pages).as("pages of " + first).isLessThan(20);
            JsonPath answer = asDemo("agent").get(page).then().statusCode(200).extract().jsonPath();
            keys.addAll(answer.getList("items.key", String.class));
            page = answer.getString("next");
        }
        return keys;
    }

    @Test
    void aBulkChangeAppliesToEachTicketOnItsOwnAndSaysWhichWasRefusedAndWhy() {
        String tag = "bulk-" + UUID.randomUUID();
        String a = open(tag + " a", "P3");
        String b = open(tag + " b", "P3");
        String closed = open(tag + " closed", "P3");
        asDemo("agent").body(Map.of("status", "resolved", "resolution", "done")).patch("/api/tickets/" + closed)
                .then().statusCode(200);
        asDemo("agent").body(Map.of("status", "closed")).patch("/api/tickets/" + closed).then().statusCode(200);

        JsonPath answer = asDemo("agent").body(Map.of("tickets", List.of(a, closed, b), "assignee", "me",
                        "group", "Service Desk", "status", "in_progress", "priority", "P2"))
                .post("/api/tickets/bulk").then().statusCode(200).extract().jsonPath();
        assertThat(answer.getInt("succeeded")).isEqualTo(2);
        assertThat(answer.getInt("refused")).isEqualTo(1);
        assertThat(answer.getList("results.ticket", String.class)).containsExactly(a, closed, b);
        assertThat(answer.getList("results.ok", Boolean.class)).containsExactly(true, false, true);
        assertThat(answer.getInt("results[1].problem.status")).isBetween(400, 499);
        assertThat(answer.getString("results[1].problem.detail")).isNotBlank();

        for (String key : List.of(a, b)) {
            asDemo("agent").get("/api/tickets/" + key).then().statusCode(200).body("assignee.username", equalTo("agent"))
                    .body("status", equalTo("in_progress")).body("priority", equalTo("P2"))
                    .body("group.name", equalTo("Service Desk"));
        }
        // The refused ticket kept everything: its change was one transaction of its own.
        asDemo("agent").get("/api/tickets/" + closed).then().statusCode(200).body("assignee", equalTo(null))
                .body("status", equalTo("closed")).body("priority", equalTo("P3"));

        // Resolving many with one note: the note is each ticket's resolution.
        asDemo("agent").body(Map.of("tickets", List.of(a, b), "status", "resolved", "resolution", "장비 교체 완료"))
                .post("/api/tickets/bulk").then().statusCode(200).body("succeeded", equalTo(2));
        asDemo("agent").get("/api/tickets/" + b).then().body("status", equalTo("resolved"))
                .body("resolution", equalTo("장비 교체 완료"));

        asDemo("agent").body(Map.of("tickets", List.of(a))).post("/api/tickets/bulk").then().statusCode(422)
                .body("errors.field", hasItem("body"));
        asDemo("requester").body(Map.of("tickets", List.of(a), "priority", "P1")).post("/api/tickets/bulk")
                .then().statusCode(403);
    }

    @Test
    void aViewSharedWithAGroupIsSeenByItsMembersAndChangedOnlyByItsOwner() {
        String name = "Due today " + UUID.randomUUID();
        JsonPath created = asDemo("agent").body(Map.of("name", name, "group", "Service Desk",
                        "params", Map.of("status", "open", "sort", "due", "group", "mine")))
                .post("/api/saved-views").then().statusCode(201).extract().jsonPath();
        long id = created.getLong("id");
        assertThat(created.getString("group.name")).isEqualTo("Service Desk");
        assertThat(created.getMap("params")).containsEntry("sort", "due").containsEntry("status", "open");

        // agent2 is a member of Service Desk: sees it, may not change it.
        JsonPath seen = asDemo("agent2").get("/api/saved-views").then().statusCode(200).extract().jsonPath();
        assertThat(seen.getList("items.name", String.class)).contains(name);
        assertThat(seen.getList("items.findAll { it.id == " + id + " }.mine", Boolean.class)).containsExactly(false);
        asDemo("agent2").delete("/api/saved-views/" + id).then().statusCode(403);
        // Outside the group (the approver) it is not there at all.
        asDemo("approver").get("/api/saved-views").then().statusCode(200).body("items.name", not(hasItem(name)));
        asDemo("approver").delete("/api/saved-views/" + id).then().statusCode(404);

        // The same name twice is a conflict; sharing with a group one is not in is refused naming the field.
        asDemo("agent").body(Map.of("name", name)).post("/api/saved-views").then().statusCode(409);
        asDemo("requester").body(Map.of("name", "x", "group", "Service Desk")).post("/api/saved-views")
                .then().statusCode(422).body("errors.field", hasItem("group"));

        // Made private again, agent2 no longer sees it; the owner deletes it.
        asDemo("agent").body("{\"group\": null}").patch("/api/saved-views/" + id).then().statusCode(200)
                .body("group", equalTo(null));
        asDemo("agent2").get("/api/saved-views").then().body("items.name", not(hasItem(name)));
        asDemo("agent").delete("/api/saved-views/" + id).then().statusCode(204);
        asDemo("agent").get("/api/saved-views").then().body("items.name", not(hasItem(name)));
    }

    @Test
    void anAlarmsIncidentGoesToItsCisOwnerGroupWithTheMonitoringSourceAsRequester() {
        String ci = "route-sw-" + UUID.randomUUID().toString().substring(0, 8);
        asAdmin().body(Map.of("name", ci, "type", "switch", "ownerGroup", "Network Operations"))
                .post("/api/cis").then().statusCode(201);
        asDemo("monitor").body(Map.of("ci", ci, "severity", "critical", "name", "LinkDown",
                        "message", "uplink down", "key", ci + "/link"))
                .post("/api/events").then().statusCode(200);
        JsonPath alarm = Poll.until(() -> EventWebhookIT.alarmByKey("api:" + ci + "/link"),
                j -> j != null && j.getString("incidentKey") != null, Duration.ofSeconds(30), "incident");
        String incident = alarm.getString("incidentKey");
        asDemo("agent2").get("/api/tickets/" + incident).then().statusCode(200)
                .body("group.name", equalTo("Network Operations"))
                .body("requester.username", equalTo("monitoring-api"))
                .body("requester.displayName", equalTo("Monitoring API"));
        // In the owner group's "my groups" queue (agent2 leads Network Operations), not in Service Desk's.
        asDemo("agent2").queryParam("group", "mine").queryParam("q", incident).get("/api/tickets").then()
                .statusCode(200).body("items.key", hasItem(incident));
        asDemo("agent").queryParam("group", "mine").queryParam("q", incident).get("/api/tickets").then()
                .statusCode(200).body("items.key", not(hasItem(incident)));

        // A CI without an owner group: no group (BEACON_EVENTS_INCIDENT_DEFAULT_GROUP is unset), still the source as requester.
        String free = "route-srv-" + UUID.randomUUID().toString().substring(0, 8);
        asAdmin().body(Map.of("name", free, "type", "server")).post("/api/cis").then().statusCode(201);
        asDemo("monitor").body(Map.of("ci", free, "severity", "critical", "name", "Down", "message", "down",
                "key", free + "/down")).post("/api/events").then().statusCode(200);
        String other = Poll.until(() -> EventWebhookIT.alarmByKey("api:" + free + "/down"),
                j -> j != null && j.getString("incidentKey") != null, Duration.ofSeconds(30), "incident")
                .getString("incidentKey");
        asDemo("agent").get("/api/tickets/" + other).then().statusCode(200).body("group", equalTo(null))
                .body("requester.username", equalTo("monitoring-api"));
    }
}
