package io.beacon.it;

import static io.beacon.it.support.Api.asAdmin;
import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.it.support.BeaconServer;
import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.Poll;
import io.beacon.it.support.TrapSender;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.snmp4j.PDU;

/**
 * Read-your-writes between the CMDB and the event path: a trap sent the moment a CMDB write has
 * answered is attributed and correlated with that write, never with the CMDB as it was before.
 * Each device is a trap sender bound to its own address on 127.0.0.0/8, so that the server
 * attributes the trap by its UDP source, as it would a real device's.
 */
@ExtendWith(BeaconServerExtension.class)
class CmdbReadYourWritesIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    /** A /16 of the loopback range of this run's own, so that runs and other tests do not share addresses. */
    private final String net = "127." + ThreadLocalRandom.current().nextInt(60, 250) + "."
            + ThreadLocalRandom.current().nextInt(0, 200);
    private final List<TrapSender> senders = new ArrayList<>();

    @AfterEach
    void closeSenders() throws IOException {
        for (TrapSender s : senders) {
            s.close();
        }
    }

    private TrapSender device(BeaconServer server, String ip) throws IOException {
        TrapSender s = new TrapSender(server.trapPort(), ip);
        senders.add(s);
        return s;
    }

    private static void linkDown(TrapSender from) throws IOException {
        from.v2c("public", TrapSender.link(TrapSender.LINK_DOWN, 1, null, PDU.TRAP));
    }

    private static List<Map<String, Object>> alarmsOfCi(long ciId) {
        return asDemo("agent").queryParam("ciId", ciId).get("/api/alarms").then().statusCode(200).extract().jsonPath()
                .getList("items");
    }

    private static JsonPath alarmByReductionKey(String reductionKey) {
        List<Map<String, Object>> items = asDemo("agent").queryParam("q", reductionKey).queryParam("size", 100)
                .get("/api/alarms").then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(a -> reductionKey.equals(a.get("reductionKey"))).findFirst()
                .map(a -> asDemo("agent").get("/api/alarms/" + a.get("id")).then().extract().jsonPath()).orElse(null);
    }

    private static JsonPath ticket(String key) {
        return asDemo("agent").get("/api/tickets/" + key).then().statusCode(200).extract().jsonPath();
    }

    /** The CI's linkDown alarm, keyed by the CI: proof that the trap was attributed when it arrived, not moved later. */
    private static Map<String, Object> awaitLinkDownOn(long ciId) {
        String key = "linkDown:ci" + ciId + ":1";
        return Poll.until(() -> alarmsOfCi(ciId).stream().filter(a -> key.equals(a.get("reductionKey"))).findFirst()
                .orElse(null), Objects::nonNull, WAIT, "the linkDown alarm " + key + " listed on CI " + ciId);
    }

    @Test
    void aTrapSentTheMomentItsCiIsCreatedLandsOnThatCi(BeaconServer server) throws Exception {
        String ip = net + ".10";
        TrapSender device = device(server, ip); // ready before the write, so that the trap follows the 201 at once

        long ciId = ((Number) asAdmin().body(Map.of("name", "ryw-new-" + run, "type", "router", "ipAddresses", List.of(ip)))
                .post("/api/cis").then().statusCode(201).extract().path("id")).longValue();
        linkDown(device);

        Map<String, Object> alarm = awaitLinkDownOn(ciId);
        assertThat(alarm.get("ciName")).isEqualTo("ryw-new-" + run);
    }

    @Test
    void anAddressChangedByPatchAttributesTrapsFromTheNewAddressAtOnceAndNoLongerFromTheOld(BeaconServer server)
            throws Exception {
        String oldIp = net + ".20";
        String newIp = net + ".21";
        TrapSender atOld = device(server, oldIp);
        TrapSender atNew = device(server, newIp);
        long ciId = ((Number) asAdmin().body(Map.of("name", "ryw-moved-" + run, "type", "server", "ipAddresses",
                List.of(oldIp))).post("/api/cis").then().statusCode(201).extract().path("id")).longValue();

        asAdmin().contentType("application/merge-patch+json").body(Map.of("ipAddresses", List.of(newIp)))
                .patch("/api/cis/" + ciId).then().statusCode(200);
        linkDown(atNew);
        linkDown(atOld);

        awaitLinkDownOn(ciId);
        JsonPath fromOld = Poll.until(() -> alarmByReductionKey("linkDown:" + oldIp + ":1"), Objects::nonNull, WAIT,
                "the alarm from the address the CI gave up");
        assertThat((Object) fromOld.get("ciId")).isNull();
    }

    @Test
    void aStormRightAfterItsTopologyWasImportedOpensOneIncidentOnTheCoreSwitch(BeaconServer server) throws Exception {
        // A core switch, four distribution switches behind it, three servers behind each: one CSV import.
        Map<String, String> ipByName = new LinkedHashMap<>();
        StringBuilder csv = new StringBuilder("name,type,ipAddresses,connected_to\n");
        String core = "ryw-core-" + run;
        ipByName.put(core, net + ".1");
        csv.append(core).append(",switch,").append(net).append(".1,\n");
        for (int d = 1; d <= 4; d++) {
            String dist = "ryw-dist-" + d + "-" + run;
            ipByName.put(dist, net + "." + (1 + d));
            csv.append(dist).append(",switch,").append(net).append('.').append(1 + d).append(',').append(core).append('\n');
            for (int s = 1; s <= 3; s++) {
                String srv = "ryw-srv-" + d + s + "-" + run;
                ipByName.put(srv, net + "." + (100 + d * 10 + s));
                csv.append(srv).append(",server,").append(ipByName.get(srv)).append(',').append(dist).append('\n');
            }
        }
        List<TrapSender> devices = new ArrayList<>();
        for (String ip : ipByName.values()) {
            devices.add(device(server, ip)); // the core first
        }

        Map<?, ?> result = asAdmin().contentType("text/csv").body(csv.toString()).post("/api/cis/import").then()
                .statusCode(200).extract().as(Map.class);
        for (TrapSender d : devices) {
            linkDown(d);
        }

        assertThat(((Number) result.get("created")).intValue()).isEqualTo(ipByName.size());
        Map<String, Long> ids = new LinkedHashMap<>();
        for (String name : ipByName.keySet()) {
            ids.put(name, asDemo("agent").get("/api/cis/" + name).then().statusCode(200).extract().jsonPath().getLong("id"));
        }
        long coreId = ids.get(core);
        JsonPath coreAlarm = Poll.until(() -> alarmByReductionKey("linkDown:ci" + coreId + ":1"),
                a -> a != null && a.getString("incidentKey") != null, WAIT, "the core switch's incident");
        String incident = coreAlarm.getString("incidentKey");
        for (Map.Entry<String, Long> ci : ids.entrySet()) {
            if (ci.getValue() == coreId) {
                continue;
            }
            JsonPath symptom = Poll.until(() -> alarmByReductionKey("linkDown:ci" + ci.getValue() + ":1"),
                    a -> a != null && incident.equals(a.getString("incidentKey")), WAIT, ci.getKey() + " on " + incident);
            assertThat(symptom.getLong("rootCauseAlarmId")).as(ci.getKey()).isEqualTo(coreAlarm.getLong("id"));
            assertThat(symptom.getString("suppression.kind")).as(ci.getKey()).isEqualTo("root_cause");
        }
        long open = asDemo("agent").queryParam("type", "incident").queryParam("status", "new,assigned,in_progress,pending")
                .queryParam("q", run).queryParam("size", 1000).get("/api/tickets").then().extract().jsonPath()
                .getList("items.findAll { it.title.contains('ryw-') && it.title.contains('" + run + "') }.key")
                .size();
        assertThat(open).as("open incidents of the storm").isEqualTo(1);
        assertThat(ticket(incident).getList("alarms.id")).hasSize(ipByName.size());
    }
}
