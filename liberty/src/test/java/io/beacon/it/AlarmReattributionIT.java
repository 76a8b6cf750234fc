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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.snmp4j.PDU;

/**
 * A trap arrives from a device no CI owns yet; then the CMDB gets a CI with its address: the alarm
 * and its incident move onto that CI, and the device's next trap counts on the same alarm.
 */
@ExtendWith(BeaconServerExtension.class)
class AlarmReattributionIT {
    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void anAlarmMovesOntoTheCiThatClaimsItsAddressAndTheNextTrapFoldsIntoIt(BeaconServer server) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String address = "10.77." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
        String unattributedKey = "linkDown:" + address + ":3";
        try (TrapSender relay = new TrapSender(server.trapPort())) {
            relay.v2c("public", TrapSender.link(TrapSender.LINK_DOWN, 3, address, PDU.TRAP));
            JsonPath before = Poll.until(() -> SnmpTrapIT.alarm(unattributedKey),
                    a -> a != null && a.getString("incidentKey") != null, WAIT, "alarm " + unattributedKey);
            assertThat(before.get("ciId") == null).isTrue();
            long alarmId = before.getLong("id");
            String incident = before.getString("incidentKey");

            String name = "edge-" + address.replace('.', '-');
            long ci = ((Number) asAdmin().body(Map.of("name", name, "type", "router", "ipAddresses", List.of(address)))
                    .post("/api/cis").then().statusCode(201).extract().path("id")).longValue();

            JsonPath moved = Poll.until(() -> alarmById(alarmId), a -> a.get("ciId") != null, WAIT,
                    "alarm " + alarmId + " on CI " + ci);
            assertThat(moved.getLong("ciId")).isEqualTo(ci);
            assertThat(moved.getString("ciName")).isEqualTo(name);
            assertThat(moved.getString("reductionKey")).isEqualTo("linkDown:ci" + ci + ":3");
            JsonPath ticket = Poll.until(() -> asDemo("agent").get("/api/tickets/" + incident).then().statusCode(200)
                    .extract().jsonPath(), t -> t.getList("ciIds", Long.class).contains(ci), WAIT, incident + " on CI " + ci);
            assertThat(ticket.getList("comments.body", String.class))
                    .anySatisfy(c -> assertThat(c).contains(address).contains(name));

            relay.v2c("public", TrapSender.link(TrapSender.LINK_DOWN, 3, address, PDU.TRAP));
            JsonPath again = Poll.until(() -> alarmById(alarmId), a -> a.getInt("count") == 2, WAIT,
                    "alarm " + alarmId + " counting the next trap");
            assertThat(again.getString("incidentKey")).isEqualTo(incident);
            assertThat(SnmpTrapIT.alarm(unattributedKey)).isNull();
        }
    }

    private static JsonPath alarmById(long id) {
        return asDemo("agent").get("/api/alarms/" + id).then().statusCode(200).extract().jsonPath();
    }
}
