package io.beacon.it;

import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.it.support.BeaconServer;
import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.Poll;
import io.beacon.it.support.TrapSender;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.snmp4j.PDU;

/** What Beacon acknowledged survives a kill -9 the moment after: an answered INFORM, a 200 webhook. */
@ExtendWith(BeaconServerExtension.class)
class EventDurabilityIT {

    static JsonPath alarm(String key) {
        List<Map<String, Object>> items = asDemo("agent").queryParam("q", key).get("/api/alarms").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return items.stream().filter(a -> key.equals(a.get("reductionKey"))).findFirst()
                .map(a -> asDemo("agent").get("/api/alarms/" + a.get("id")).then().extract().jsonPath()).orElse(null);
    }

    @Test
    void acknowledgedEventsSurviveAKillMinus9AndStillGetTheirIncident(BeaconServer server) throws Exception {
        long db = asDemo("agent").get("/api/cis/db-01").then().statusCode(200).extract().jsonPath().getLong("id");
        PDU answer;
        try (TrapSender sender = new TrapSender(server.trapPort())) {
            answer = sender.inform("public", TrapSender.link(TrapSender.LINK_DOWN, 201, "10.0.10.21", PDU.INFORM), 10_000);
        }
        assertThat(answer).isNotNull();
        asDemo("monitor").body("{\"name\": \"ReplicationLag\", \"ci\": \"db-01\", \"severity\": \"critical\","
                + " \"key\": \"durability-after-ack\"}").post("/api/events").then().statusCode(200);
        server.kill();
        server.start();
        assertThat(alarm("linkDown:ci" + db + ":201")).isNotNull();
        JsonPath a = Poll.until(() -> alarm("api:durability-after-ack"), j -> j != null && j.getString("incidentKey") != null,
                Duration.ofSeconds(30), "incident after restart");
        assertThat(a.getInt("count")).isEqualTo(1);
        // The trap receiver is back on the same port with the same engine: a new INFORM is answered.
        try (TrapSender sender = new TrapSender(server.trapPort())) {
            assertThat(sender.inform("public", TrapSender.link(TrapSender.LINK_DOWN, 202, "10.0.10.21", PDU.INFORM), 10_000))
                    .isNotNull();
        }
    }
}
