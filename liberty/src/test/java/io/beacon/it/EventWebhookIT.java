package io.beacon.it;

import static io.beacon.it.support.Api.asAdmin;
import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.Metrics;
import io.beacon.it.support.Poll;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Prometheus Alertmanager webhooks and generic JSON events over HTTP, as a monitor sends them. */
@ExtendWith(BeaconServerExtension.class)
class EventWebhookIT {
    static final Duration WAIT = Duration.ofSeconds(30);

    /** A version 4 payload as Alertmanager 0.27 posts it: one group, its alerts, their fingerprints. */
    static String payload(String status, String alertStatus, String fingerprint, String startsAt, String endsAt) {
        return """
                {
                  "receiver": "beacon",
                  "status": "%s",
                  "alerts": [
                    {
                      "status": "%s",
                      "labels": {"alertname": "NodeFilesystemAlmostFull", "severity": "critical",
                                 "instance": "10.0.10.21:9100", "job": "node", "mountpoint": "/var/lib/mysql"},
                      "annotations": {"summary": "Filesystem /var/lib/mysql on db-01 has 3%% space left",
                                      "description": "predicted full within 4 hours"},
                      "startsAt": "%s",
                      "endsAt": "%s",
                      "generatorURL": "http://prometheus:9090/graph?g0.expr=node_filesystem_avail_bytes",
                      "fingerprint": "%s"
                    }
                  ],
                  "groupLabels": {"alertname": "NodeFilesystemAlmostFull"},
                  "commonLabels": {"alertname": "NodeFilesystemAlmostFull", "severity": "critical"},
                  "commonAnnotations": {},
                  "externalURL": "http://alertmanager:9093",
                  "version": "4",
                  "groupKey": "{}:{alertname=\\"NodeFilesystemAlmostFull\\"}",
                  "truncatedAlerts": 0
                }""".formatted(status, alertStatus, startsAt, endsAt, fingerprint);
    }

    static JsonPath alarmByKey(String key) {
        List<Map<String, Object>> items = asDemo("agent").queryParam("q", key).get("/api/alarms").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return items.stream().filter(a -> key.equals(a.get("reductionKey"))).findFirst()
                .map(a -> asDemo("agent").get("/api/alarms/" + a.get("id")).then().extract().jsonPath()).orElse(null);
    }

    @Test
    void aFiringAlertDeliveredTwiceIsOneAlarmAndOneIncidentAndResolvedClearsBoth() {
        String fp = "a1b2c3d4e5f60718";
        String firing = payload("firing", "firing", fp, "2026-11-27T09:00:00.000Z", "0001-01-01T00:00:00Z");
        asDemo("monitor").body(firing).post("/api/events/alertmanager").then().statusCode(200).body("accepted", equalTo(1));
        // Acknowledged means committed: the alarm is there at once.
        JsonPath a = alarmByKey("alertmanager:" + fp);
        assertThat(a).isNotNull();
        asDemo("monitor").body(firing).post("/api/events/alertmanager").then().statusCode(200);
        long db = asDemo("agent").get("/api/cis/db-01").then().extract().jsonPath().getLong("id");
        a = Poll.until(() -> alarmByKey("alertmanager:" + fp), j -> j.getString("incidentKey") != null, WAIT, "incident");
        assertThat(a.getInt("count")).isEqualTo(1);
        assertThat(a.getLong("ciId")).isEqualTo(db);
        assertThat(a.getString("severity")).isEqualTo("critical");
        assertThat(a.getString("source")).isEqualTo("alertmanager");
        assertThat(a.getString("message")).contains("3% space left");
        assertThat(a.getString("events[0].attributes.'label.mountpoint'")).isEqualTo("/var/lib/mysql");
        String incident = a.getString("incidentKey");
        asDemo("agent").get("/api/tickets/" + incident).then().statusCode(200).body("priority", equalTo("P1"))
                .body("status", equalTo("new"));

        String resolved = payload("resolved", "resolved", fp, "2026-11-27T09:00:00.000Z", "2026-11-27T09:30:00.000Z");
        asDemo("monitor").body(resolved).post("/api/events/alertmanager").then().statusCode(200);
        assertThat(alarmByKey("alertmanager:" + fp).getString("status")).isEqualTo("cleared");
        Poll.until(() -> asDemo("agent").get("/api/tickets/" + incident).then().extract().jsonPath(),
                t -> "resolved".equals(t.getString("status")), WAIT, incident + " resolved");
        // Redelivered after the fact: still cleared, still one incident.
        asDemo("monitor").body(firing).post("/api/events/alertmanager").then().statusCode(200);
        assertThat(alarmByKey("alertmanager:" + fp).getString("status")).isEqualTo("cleared");
        assertThat(asDemo("agent").queryParam("incident", incident).get("/api/alarms").then().extract().jsonPath()
                .getInt("total")).isEqualTo(1);
    }

    @Test
    void malformedOversizedAndUnauthorisedDeliveriesAreRefusedAsProblemsAndCounted() {
        double before = Metrics.value("beacon_events_rejected_total", "channel=\"alertmanager\"");
        asDemo("monitor").body("{\"alerts\": [ {\"status\": \"firing\"").post("/api/events/alertmanager")
                .then().statusCode(422).contentType(containsString("application/problem+json"));
        asDemo("monitor").body("{\"version\": \"4\", \"alerts\": [{\"status\": \"burning\", \"labels\": {}}]}")
                .post("/api/events/alertmanager").then().statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", org.hamcrest.Matchers.hasItems("alerts[0].status", "alerts[0].labels"));
        String huge = "{\"alerts\": [], \"pad\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        asDemo("monitor").body(huge).post("/api/events/alertmanager").then().statusCode(413)
                .contentType(containsString("application/problem+json"));
        assertThat(Metrics.value("beacon_events_rejected_total", "channel=\"alertmanager\"")).isGreaterThanOrEqualTo(before + 3);
        asDemo("requester").body(payload("firing", "firing", "0000000000000001", "2026-11-27T09:00:00Z", ""))
                .post("/api/events/alertmanager").then().statusCode(403);
        io.beacon.it.support.Api.anonymous().body("{}").post("/api/events/alertmanager").then().statusCode(401);
        io.restassured.RestAssured.given().get("/health/ready").then().statusCode(200);
    }

    @Test
    void aGenericEventOpensAnIncidentOnTheNamedCiAndItsClearResolvesIt() {
        asDemo("monitor").body("""
                {"source": "nagios", "ci": "web-01.beacon.example", "severity": "major", "name": "HTTP",
                 "message": "HTTP 503 on /login", "key": "web-01/http"}""").post("/api/events")
                .then().statusCode(200).body("accepted", equalTo(1));
        JsonPath a = Poll.until(() -> alarmByKey("api:web-01/http"), j -> j != null && j.getString("incidentKey") != null,
                WAIT, "incident");
        assertThat(a.getString("ciName")).isEqualTo("web-01");
        assertThat(a.getString("source")).isEqualTo("api");
        String incident = a.getString("incidentKey");
        asAdmin().body("{\"name\": \"HTTP\", \"ci\": \"web-01\", \"key\": \"web-01/http\", \"clear\": true}")
                .post("/api/events").then().statusCode(200);
        assertThat(alarmByKey("api:web-01/http").getString("status")).isEqualTo("cleared");
        Poll.until(() -> asDemo("agent").get("/api/tickets/" + incident).then().extract().jsonPath(),
                t -> "resolved".equals(t.getString("status")), WAIT, incident + " resolved");
        asDemo("agent").queryParam("alarmId", a.getLong("id")).get("/api/events").then().statusCode(200)
                .body("total", equalTo(2));
    }

    @Test
    void aGenericEventWithoutANameIsRefusedNamingTheField() {
        asDemo("monitor").body("{\"severity\": \"loud\"}").post("/api/events").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItems("name", "severity"));
    }

    @Test
    void theTrapDefinitionsInForceAreListed() {
        asDemo("agent").get("/api/events/trap-definitions").then().statusCode(200)
                .body("items.name", org.hamcrest.Matchers.hasItems("linkDown", "linkUp", "coldStart", "apcUpsOnBattery",
                        "ciscoEnvMonTemperatureNotification"));
    }

    @Test
    void alarmsCanBeAcknowledgedAndCounted() {
        asDemo("monitor").body("{\"name\": \"Backup\", \"ci\": \"mail-01\", \"severity\": \"minor\", \"key\": \"ack-test\"}")
                .post("/api/events").then().statusCode(200);
        long id = alarmByKey("api:ack-test").getLong("id");
        asDemo("agent").post("/api/alarms/" + id + "/acknowledge").then().statusCode(200)
                .body("acknowledged", equalTo(true)).body("acknowledgedBy", equalTo("agent"));
        asDemo("agent").post("/api/alarms/" + id + "/unacknowledge").then().statusCode(200)
                .body("acknowledged", equalTo(false));
        asDemo("monitor").post("/api/alarms/" + id + "/ack").then().statusCode(403);
        assertThat(asDemo("agent").get("/api/alarms/counts").then().statusCode(200).extract().jsonPath()
                .getInt("bySeverity.minor")).isGreaterThanOrEqualTo(1);
        asDemo("agent").queryParam("severity", "minor").queryParam("status", "active").get("/api/alarms").then()
                .statusCode(200).body("items.reductionKey", org.hamcrest.Matchers.hasItem("api:ack-test"));
        asDemo("agent").queryParam("severity", "purple").get("/api/alarms").then().statusCode(422);
    }
}
