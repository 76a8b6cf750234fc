package io.beacon.it;

import static io.beacon.it.support.Api.asAdmin;
import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.it.support.BeaconServer;
import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.Poll;
import io.beacon.it.support.TrapSender;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.snmp4j.PDU;

/**
 * Correlation as an operator sees it through the API: monitors post events about a small site
 * (a core switch, a distribution switch behind it, servers behind that), and the incidents that
 * result are one per root cause, explained, whatever the order the events came in.
 */
@ExtendWith(BeaconServerExtension.class)
class CorrelationIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final String run = UUID.randomUUID().toString().substring(0, 6);

    private long ci(String name, String type, String ip) {
        return ((Number) asAdmin().body(Map.of("name", name, "type", type, "ipAddresses", List.of(ip)))
                .post("/api/cis").then().statusCode(201).extract().path("id")).longValue();
    }

    private void connect(long from, long to) {
        asAdmin().body(Map.of("type", "connected_to", "targetId", to)).post("/api/cis/" + from + "/relations")
                .then().statusCode(201);
    }

    private static void event(String ci, String key, String severity) {
        asDemo("monitor").body(Map.of("source", "it", "ci", ci, "severity", severity, "name", "NodeDown",
                "message", ci + " does not answer", "key", key)).post("/api/events").then().statusCode(200);
    }

    private static void clear(String ci, String key) {
        asDemo("monitor").body(Map.of("source", "it", "ci", ci, "name", "NodeDown", "key", key, "clear", true))
                .post("/api/events").then().statusCode(200);
    }

    private static JsonPath alarm(String key) {
        return alarmByReductionKey("api:" + key);
    }

    private static JsonPath alarmByReductionKey(String reductionKey) {
        List<Map<String, Object>> items = asDemo("agent").queryParam("q", reductionKey).get("/api/alarms").then()
                .statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(a -> reductionKey.equals(a.get("reductionKey"))).findFirst()
                .map(a -> asDemo("agent").get("/api/alarms/" + a.get("id")).then().extract().jsonPath()).orElse(null);
    }

    private static JsonPath awaitAlarm(String key, java.util.function.Predicate<JsonPath> done, String what) {
        return Poll.until(() -> alarm(key), a -> a != null && done.test(a), WAIT, what);
    }

    private static JsonPath ticket(String key) {
        return asDemo("agent").get("/api/tickets/" + key).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void oneIncidentPerRootCauseWhateverTheArrivalOrderAndTheRestAttachedWithTheirReason() {
        String core = "core-" + run, dist = "dist-" + run, srv1 = "srv1-" + run, srv2 = "srv2-" + run;
        long coreId = ci(core, "switch", "10.77.0.1");
        long distId = ci(dist, "switch", "10.77.1.1");
        long srv1Id = ci(srv1, "server", "10.77.1.11");
        long srv2Id = ci(srv2, "server", "10.77.1.12");
        connect(distId, coreId);
        connect(srv1Id, distId);
        connect(srv2Id, distId);

        // A server reports first and gets an incident of its own ...
        event(srv1, srv1, "major");
        String early = awaitAlarm(srv1, a -> a.getString("incidentKey") != null, "srv1's incident").getString("incidentKey");

        // ... then its root cause arrives: one incident, the server's merged into it.
        event(core, core, "critical");
        JsonPath coreAlarm = awaitAlarm(core, a -> a.getString("incidentKey") != null, "core's incident");
        String incident = coreAlarm.getString("incidentKey");
        assertThat(incident).isNotEqualTo(early);
        JsonPath server = awaitAlarm(srv1, a -> incident.equals(a.getString("incidentKey")), "srv1 merged");
        assertThat(server.getLong("rootCauseAlarmId")).isEqualTo(coreAlarm.getLong("id"));
        assertThat(server.getString("suppression.kind")).isEqualTo("root_cause");
        assertThat(server.getString("suppression.reason")).contains(core);
        Poll.until(() -> ticket(early), t -> "resolved".equals(t.getString("status")), WAIT, early + " merged");
        assertThat(ticket(early).getString("resolution")).contains("Merged into " + incident);

        // Everything else behind the core reports: symptoms, no new incidents.
        event(dist, dist, "critical");
        event(srv2, srv2, "major");
        awaitAlarm(dist, a -> incident.equals(a.getString("incidentKey")), "dist attached");
        awaitAlarm(srv2, a -> incident.equals(a.getString("incidentKey")), "srv2 attached");
        assertThat(ticket(incident).getList("alarms.id")).hasSize(4);

        // The core recovers: its incident is resolved, the distribution switch (still down) is a root cause of its own.
        clear(core, core);
        Poll.until(() -> ticket(incident), t -> "resolved".equals(t.getString("status")), WAIT, incident + " resolved");
        String distIncident = awaitAlarm(dist, a -> a.getString("incidentKey") != null
                && !incident.equals(a.getString("incidentKey")), "dist on its own").getString("incidentKey");
        awaitAlarm(srv2, a -> distIncident.equals(a.getString("incidentKey")), "srv2 behind dist");
        assertThat(ticket(distIncident).getList("comments.body", String.class))
                .anyMatch(b -> b.contains("root cause") && b.contains("cleared"));
    }

    @Test
    void aSwitchAndServersStormOfSnmpTrapsEndsAsOneIncidentOnTheCoreSwitch(BeaconServer server) throws Exception {
        String core = "trap-core-" + run;
        long coreId = ci(core, "switch", "10.77.6.1");
        List<Long> dists = List.of(ci("trap-dist-a-" + run, "switch", "10.77.6.2"),
                ci("trap-dist-b-" + run, "switch", "10.77.6.3"));
        List<String> serverIps = List.of("10.77.6.11", "10.77.6.12", "10.77.6.13", "10.77.6.21", "10.77.6.22", "10.77.6.23");
        List<Long> servers = new java.util.ArrayList<>();
        for (int i = 0; i < serverIps.size(); i++) {
            long id = ci("trap-srv-" + i + "-" + run, "server", serverIps.get(i));
            connect(id, dists.get(i / 3));
            servers.add(id);
        }
        for (long d : dists) {
            connect(d, coreId);
        }

        // Servers first, then the core, then the distribution switches: linkDown traps relayed for each device.
        try (TrapSender traps = new TrapSender(server.trapPort())) {
            for (String ip : serverIps) {
                traps.v2c("public", TrapSender.link(TrapSender.LINK_DOWN, 1, ip, PDU.TRAP));
            }
            Poll.until(() -> alarmByReductionKey("linkDown:ci" + servers.get(0) + ":1"),
                    a -> a != null && a.getString("incidentKey") != null, WAIT, "the first server's incident");
            traps.v2c("public", TrapSender.link(TrapSender.LINK_DOWN, 1, "10.77.6.1", PDU.TRAP));
            traps.v2c("public", TrapSender.link(TrapSender.LINK_DOWN, 1, "10.77.6.2", PDU.TRAP));
            traps.v2c("public", TrapSender.link(TrapSender.LINK_DOWN, 1, "10.77.6.3", PDU.TRAP));
        }
        String incident = Poll.until(() -> alarmByReductionKey("linkDown:ci" + coreId + ":1"),
                a -> a != null && a.getString("incidentKey") != null, WAIT, "the core's incident").getString("incidentKey");
        List<Long> behind = new java.util.ArrayList<>(servers);
        behind.addAll(dists);
        for (long ci : behind) {
            Poll.until(() -> alarmByReductionKey("linkDown:ci" + ci + ":1"),
                    a -> a != null && incident.equals(a.getString("incidentKey")), WAIT, "CI " + ci + " on " + incident);
        }
        // One open incident for the whole storm: the servers' early ones were merged into it.
        long open = asDemo("agent").queryParam("type", "incident").queryParam("status", "new,assigned,in_progress,pending")
                .queryParam("q", run).queryParam("size", 1000).get("/api/tickets").then().extract().jsonPath()
                .getList("items.findAll { it.title.contains('trap-') && it.title.contains('" + run + "') }.key")
                .size();
        assertThat(open).isEqualTo(1);
        assertThat(ticket(incident).getList("alarms.id")).hasSize(9);
    }

    @Test
    void alarmsInsideAMaintenanceWindowPageNobodyAndThoseOutlivingItBecomeIncidents() {
        String name = "mw-srv-" + run;
        long id = ci(name, "server", "10.77.2.1");
        int plannedBefore = asDemo("agent").get("/api/correlation").then().extract().path("plannedWork");
        Instant end = Instant.now().plus(8, ChronoUnit.SECONDS);
        String ref = asDemo("agent").body(Map.of("ciIds", List.of(id), "start", Instant.now().minus(1, ChronoUnit.MINUTES)
                        .toString(), "end", end.toString(), "reason", "OS patching"))
                .post("/api/maintenance-windows").then().statusCode(201).extract().path("ref");
        Poll.until(() -> asDemo("agent").get("/api/correlation").then().extract().<Integer>path("plannedWork"),
                n -> n > plannedBefore, WAIT, "the window in correlation's planned work");

        event(name, name, "critical");
        JsonPath held = awaitAlarm(name, a -> a.getString("suppression.kind") != null, "suppressed");
        assertThat(held.getString("suppression.kind")).isEqualTo("maintenance");
        assertThat(held.getString("suppression.ref")).isEqualTo(ref);
        assertThat(held.getString("incidentKey")).isNull();

        // Still down when the window ends: now it pages, saying why.
        String incident = awaitAlarm(name, a -> a.getString("incidentKey") != null, "incident after the window")
                .getString("incidentKey");
        assertThat(Instant.now()).isAfter(end.minusSeconds(1));
        assertThat(ticket(incident).getList("comments.body", String.class))
                .anyMatch(b -> b.contains("still active when maintenance window " + ref));
    }

    @Test
    void alarmsInsideAnApprovedChangeAreTheChangesDoingAndOutlivingItMarksTheChangeAsFailed() {
        String core = "chg-core-" + run, server = "chg-srv-" + run;
        long coreId = ci(core, "switch", "10.77.4.1");
        long serverId = ci(server, "server", "10.77.4.11");
        connect(serverId, coreId);
        int plannedBefore = asDemo("agent").get("/api/correlation").then().extract().path("plannedWork");
        Instant end = Instant.now().plus(10, ChronoUnit.SECONDS);
        String change = asDemo("agent").body(Map.of("type", "standard", "title", "코어 스위치 IOS 업그레이드",
                        "risk", "low", "ciIds", List.of(coreId),
                        "plannedStart", Instant.now().minus(1, ChronoUnit.MINUTES).toString(), "plannedEnd", end.toString(),
                        "implementationPlan", "reload in maintenance mode", "backoutPlan", "boot the previous image"))
                .post("/api/changes").then().statusCode(201).body("status", org.hamcrest.Matchers.equalTo("scheduled"))
                .extract().path("key");
        Poll.until(() -> asDemo("agent").get("/api/correlation").then().extract().<Integer>path("plannedWork"),
                n -> n > plannedBefore, WAIT, "the change in correlation's planned work");

        // The server behind the core switch drops while the switch is being upgraded: the change did it.
        event(server, server, "critical");
        JsonPath held = awaitAlarm(server, a -> a.getString("suppression.kind") != null, "attributed to the change");
        assertThat(held.getString("suppression.kind")).isEqualTo("change");
        assertThat(held.getString("changeKey")).isEqualTo(change);
        assertThat(held.getString("suppression.reason")).contains("on a CI it depends on");
        assertThat(held.getString("incidentKey")).isNull();
        asDemo("approver").get("/api/changes/" + change + "/alarms").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(held.getInt("id")));

        // Still down when the window is over: an incident that names the change at once.
        String incident = awaitAlarm(server, a -> a.getString("incidentKey") != null, "incident after the change")
                .getString("incidentKey");
        assertThat(ticket(incident).getList("comments.body", String.class))
                .anyMatch(b -> b.contains("outlived the window of " + change));
        assertThat(alarm(server).getString("changeKey")).isEqualTo(change);
    }

    @Test
    void aProblemReturningSoonAfterItsIncidentWasResolvedReopensIt() {
        String name = "flaky-" + run;
        ci(name, "server", "10.77.3.1");
        event(name, name, "major");
        String incident = awaitAlarm(name, a -> a.getString("incidentKey") != null, "incident").getString("incidentKey");
        clear(name, name);
        Poll.until(() -> ticket(incident), t -> "resolved".equals(t.getString("status")), WAIT, "resolved");
        event(name, name, "major");
        Poll.until(() -> ticket(incident), t -> Objects.equals("new", t.getString("status")), WAIT, "reopened");
        assertThat(alarm(name).getString("incidentKey")).isEqualTo(incident);
        assertThat(ticket(incident).getList("comments.body", String.class))
                .anyMatch(b -> b.contains("returned") && b.contains("after its incident was resolved"));
    }

    @Test
    void operatorsSeeWhatCorrelationWorksWith() {
        asDemo("agent").get("/api/correlation").then().statusCode(200)
                .body("rules.symptomWindowSeconds", org.hamcrest.Matchers.equalTo(300));
        asDemo("requester").get("/api/correlation").then().statusCode(403);
    }
}
