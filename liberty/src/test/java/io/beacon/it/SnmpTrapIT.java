package io.beacon.it;

import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.it.support.BeaconServer;
import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.Metrics;
import io.beacon.it.support.Poll;
import io.beacon.it.support.TrapSender;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.snmp4j.PDU;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.VariableBinding;

/**
 * Real SNMP notifications over UDP into the running server (SNMP4J as the sending agent): what a
 * user then sees through the alarm and ticket API. Each test uses its own ifIndex range, so that
 * the tests share one server without seeing each other's alarms.
 */
@ExtendWith(BeaconServerExtension.class)
class SnmpTrapIT {
    static final Duration WAIT = Duration.ofSeconds(30);
    static TrapSender sender;
    static int port;

    @BeforeAll
    static void sender(BeaconServer server) throws IOException {
        port = server.trapPort();
        sender = new TrapSender(port);
    }

    @AfterAll
    static void close() throws IOException {
        sender.close();
    }

    static JsonPath alarm(String reductionKey) {
        List<Map<String, Object>> items = asDemo("agent").queryParam("q", reductionKey).queryParam("size", 100)
                .get("/api/alarms").then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(a -> reductionKey.equals(a.get("reductionKey"))).findFirst()
                .map(a -> asDemo("agent").get("/api/alarms/" + a.get("id")).then().statusCode(200).extract().jsonPath())
                .orElse(null);
    }

    static JsonPath awaitAlarm(String key, java.util.function.Predicate<JsonPath> done) {
        return Poll.until(() -> alarm(key), a -> a != null && done.test(a), WAIT, "alarm " + key);
    }

    static long ciId(String name) {
        return asDemo("agent").get("/api/cis/" + name).then().statusCode(200).extract().jsonPath().getLong("id");
    }

    @Test
    void repeatedRelayedLinkDownsAreOneAlarmWithOneIncidentAndLinkUpResolvesIt() throws Exception {
        long ci = ciId("dist-sw-01");
        for (int i = 0; i < 3; i++) {
            sender.v2c("public", TrapSender.link(TrapSender.LINK_DOWN, 101, "10.0.0.2", PDU.TRAP));
        }
        String key = "linkDown:ci" + ci + ":101";
        JsonPath a = awaitAlarm(key, j -> j.getInt("count") == 3 && j.getString("incidentKey") != null);
        assertThat(a.getString("status")).isEqualTo("active");
        assertThat(a.getString("severity")).isEqualTo("major");
        assertThat(a.getLong("ciId")).isEqualTo(ci);
        assertThat(a.getString("ciName")).isEqualTo("dist-sw-01");
        assertThat(a.getString("source")).isEqualTo("snmp");
        assertThat(a.getString("message")).contains("Interface 101").contains("dist-sw-01");
        assertThat(a.getList("events")).hasSize(3);
        assertThat(a.getString("events[0].attributes.udpSource")).isEqualTo("127.0.0.1");
        String incident = a.getString("incidentKey");

        JsonPath ticket = asDemo("agent").get("/api/tickets/" + incident).then().statusCode(200).extract().jsonPath();
        assertThat(ticket.getString("type")).isEqualTo("incident");
        assertThat(ticket.getString("status")).isEqualTo("new");
        assertThat(ticket.getString("priority")).isEqualTo("P2");
        assertThat(ticket.getList("ciIds", Long.class)).containsExactly(ci);
        assertThat(ticket.getString("title")).contains("linkDown").contains("dist-sw-01");
        // Alarms that earlier tests left on CIs behind this switch join its incident as symptoms (correlation).
        assertThat(ticket.getList("alarms.id", Long.class)).contains(a.getLong("id"));
        assertThat(ticket.getList("alarms.findAll { it.id == " + a.getLong("id") + " }.status", String.class))
                .containsExactly("active");
        asDemo("requester").get("/api/tickets/" + incident).then().statusCode(404);
        assertThat(asDemo("agent").queryParam("incident", incident).get("/api/alarms").then().extract().jsonPath()
                .getList("items.id", Long.class)).contains(a.getLong("id"));

        // More repeats: the count grows, no second incident.
        sender.v2c("public", TrapSender.link(TrapSender.LINK_DOWN, 101, "10.0.0.2", PDU.TRAP));
        awaitAlarm(key, j -> j.getInt("count") == 4);
        assertThat(alarm(key).getString("incidentKey")).isEqualTo(incident);

        sender.v2c("public", TrapSender.link(TrapSender.LINK_UP, 101, "10.0.0.2", PDU.TRAP));
        JsonPath cleared = awaitAlarm(key, j -> "cleared".equals(j.getString("status")));
        assertThat(cleared.getString("severity")).isEqualTo("cleared");
        assertThat(cleared.getString("clearedAt")).isNotNull();
        JsonPath resolved = Poll.until(() -> asDemo("agent").get("/api/tickets/" + incident).then().extract().jsonPath(),
                t -> "resolved".equals(t.getString("status")), WAIT, incident + " resolved");
        assertThat(resolved.getString("resolution")).contains("cleared");
    }

    @Test
    void aV1TrapIsAttributedByItsAgentAddress() throws Exception {
        long ci = ciId("dist-sw-02");
        sender.v1Link("public", true, "10.0.0.3", 102);
        JsonPath a = awaitAlarm("linkDown:ci" + ci + ":102", j -> true);
        assertThat(a.getString("name")).isEqualTo("linkDown");
        assertThat(a.getString("events[0].ciResolvedBy")).isEqualTo("agent-addr");
        assertThat(a.getString("events[0].attributes.snmpVersion")).isEqualTo("v1");
    }

    @Test
    void anEnterpriseV1TrapIsTranslatedAndItsClearPairMatches() throws Exception {
        long ci = ciId("fw-01");
        List<VariableBinding> text = List.of(new VariableBinding(new OID("1.3.6.1.4.1.318.2.3.3.0"),
                new OctetString("UPS: On battery power in response to an input power problem.")));
        sender.v1Enterprise("beacon-it", "1.3.6.1.4.1.318", 5, "10.0.0.254", text);
        String key = "apcUpsOnBattery:ci" + ci;
        JsonPath a = awaitAlarm(key, j -> j.getString("incidentKey") != null);
        assertThat(a.getString("message")).contains("fw-01").contains("On battery power");
        sender.v1Enterprise("beacon-it", "1.3.6.1.4.1.318", 9, "10.0.0.254", List.of());
        awaitAlarm(key, j -> "cleared".equals(j.getString("status")));
    }

    @Test
    void anInformIsAnsweredOnlyOnceItsEventIsStored() throws Exception {
        // A leaf CI: an alarm left active on the core switch would make every test behind it a symptom.
        long ci = ciId("fw-01");
        PDU response = sender.inform("public", TrapSender.link(TrapSender.LINK_DOWN, 103, "10.0.0.254", PDU.INFORM), 10_000);
        assertThat(response).isNotNull();
        assertThat(response.getType()).isEqualTo(PDU.RESPONSE);
        assertThat(response.getErrorStatus()).isZero();
        // Acknowledged means committed: the alarm is there at once, no waiting.
        JsonPath a = alarm("linkDown:ci" + ci + ":103");
        assertThat(a).isNotNull();
        assertThat(a.getInt("count")).isEqualTo(1);
        assertThat(a.getString("events[0].attributes.inform")).isEqualTo("true");
    }

    @Test
    void v3AuthPrivTrapsWithShaAesAndSha256Aes256AreAccepted() throws Exception {
        long ci = ciId("mail-01");
        sender.v3Trap("itsha", TrapSender.sha(), "it-auth-pass-1", TrapSender.aes(), "it-priv-pass-1",
                TrapSender.link(TrapSender.LINK_DOWN, 104, "10.0.10.11", PDU.TRAP));
        sender.v3Trap("itsha256", TrapSender.sha256(), "it-auth-pass-2", TrapSender.aes256(), "it-priv-pass-2",
                TrapSender.link(TrapSender.LINK_DOWN, 105, "10.0.10.11", PDU.TRAP));
        assertThat(awaitAlarm("linkDown:ci" + ci + ":104", j -> true).getString("events[0].attributes.snmpVersion"))
                .isEqualTo("v3");
        awaitAlarm("linkDown:ci" + ci + ":105", j -> true);

        PDU response = sender.v3Inform("itsha256", TrapSender.sha256(), "it-auth-pass-2", TrapSender.aes256(),
                "it-priv-pass-2", TrapSender.link(TrapSender.LINK_DOWN, 106, "10.0.10.11", PDU.TRAP), 10_000);
        assertThat(response).as("v3 INFORM answered").isNotNull();
        assertThat(response.getType()).isEqualTo(PDU.RESPONSE);
        assertThat(alarm("linkDown:ci" + ci + ":106")).isNotNull();
    }

    @Test
    void aWrongCommunityAndWrongV3KeysAreRejectedCountedAndNeverProcessed() throws Exception {
        double badCommunity = Metrics.value("beacon_traps_rejected_total", "reason=\"bad_community\"");
        double wrongDigest = Metrics.value("beacon_traps_rejected_total", "reason=\"wrong_digest\"");
        double unknownUser = Metrics.value("beacon_traps_rejected_total", "reason=\"unknown_user\"");
        long ci = ciId("web-01");
        sender.v2c("not-the-community", TrapSender.link(TrapSender.LINK_DOWN, 107, "10.0.20.11", PDU.TRAP));
        sender.v3Trap("itsha", TrapSender.sha(), "wrong-auth-pass", TrapSender.aes(), "it-priv-pass-1",
                TrapSender.link(TrapSender.LINK_DOWN, 108, "10.0.20.11", PDU.TRAP));
        sender.v3Trap("nobody", TrapSender.sha(), "it-auth-pass-1", TrapSender.aes(), "it-priv-pass-1",
                TrapSender.link(TrapSender.LINK_DOWN, 109, "10.0.20.11", PDU.TRAP));
        Poll.until(() -> Metrics.value("beacon_traps_rejected_total", "reason=\"bad_community\""), v -> v >= badCommunity + 1,
                WAIT, "bad community counted");
        Poll.until(() -> Metrics.value("beacon_traps_rejected_total", "reason=\"wrong_digest\""), v -> v >= wrongDigest + 1,
                WAIT, "wrong digest counted");
        Poll.until(() -> Metrics.value("beacon_traps_rejected_total", "reason=\"unknown_user\""), v -> v >= unknownUser + 1,
                WAIT, "unknown user counted");
        // A good trap sent after them is processed; the rejected ones left nothing behind.
        sender.v2c("public", TrapSender.link(TrapSender.LINK_DOWN, 110, "10.0.20.11", PDU.TRAP));
        awaitAlarm("linkDown:ci" + ci + ":110", j -> true);
        for (int ifIndex = 107; ifIndex <= 109; ifIndex++) {
            assertThat(alarm("linkDown:ci" + ci + ":" + ifIndex)).isNull();
        }
    }

    @Test
    void aDeviceNamedInsideATrapIsBelievedOnlyFromATrustedRelay() throws Exception {
        long fw = ciId("fw-01");
        // 127.0.0.2 is not in BEACON_SNMP_TRUSTED_RELAYS: it names fw-01 (10.0.0.254), but the trap is its own.
        try (TrapSender stranger = new TrapSender(port, "127.0.0.2")) {
            stranger.v2c("public", TrapSender.link(TrapSender.LINK_DOWN, 113, "10.0.0.254", PDU.TRAP));
            stranger.v1Link("public", true, "10.0.0.254", 114);
        }
        for (int ifIndex = 113; ifIndex <= 114; ifIndex++) {
            JsonPath a = awaitAlarm("linkDown:127.0.0.2:" + ifIndex, j -> true);
            assertThat(a.get("ciId") == null).isTrue();
            assertThat(a.getString("sourceAddress")).isEqualTo("127.0.0.2");
            assertThat(a.getString("events[0].attributes.udpSource")).isEqualTo("127.0.0.2");
            assertThat(alarm("linkDown:ci" + fw + ":" + ifIndex)).isNull();
        }
        // The same trap from the listed relay (127.0.0.1) belongs to the device it names.
        sender.v2c("public", TrapSender.link(TrapSender.LINK_DOWN, 115, "10.0.0.254", PDU.TRAP));
        JsonPath relayed = awaitAlarm("linkDown:ci" + fw + ":115", j -> true);
        assertThat(relayed.getString("events[0].ciResolvedBy")).isEqualTo("snmpTrapAddress");
        assertThat(relayed.getString("sourceAddress")).isEqualTo("10.0.0.254");
    }

    @Test
    void aTrapFromAnUnknownDeviceIsKeptAndShownWithItsAddress() throws Exception {
        sender.v2c("public", TrapSender.link(TrapSender.LINK_DOWN, 111, "192.0.2.77", PDU.TRAP));
        JsonPath a = awaitAlarm("linkDown:192.0.2.77:111", j -> true);
        assertThat(a.get("ciId") == null).isTrue();
        assertThat(a.getString("sourceAddress")).isEqualTo("192.0.2.77");
        assertThat(a.getString("message")).contains("192.0.2.77");
    }

    @Test
    void thousandsOfGarbagePacketsAreCountedWhileGoodTrapsKeepFlowing() throws Exception {
        double parseErrors = Metrics.value("beacon_traps_rejected_total");
        Random random = new Random(42);
        byte[] good = TrapSender.encodedV2cTrap("public", TrapSender.link(TrapSender.LINK_DOWN, 112, "10.0.0.254", PDU.TRAP));
        try (DatagramSocket socket = new DatagramSocket()) {
            InetAddress local = InetAddress.getLoopbackAddress();
            for (int i = 0; i < 3000; i++) {
                byte[] junk;
                if (i % 2 == 0) {
                    junk = new byte[1 + random.nextInt(600)];
                    random.nextBytes(junk);
                } else {
                    junk = java.util.Arrays.copyOf(good, 1 + random.nextInt(good.length - 1)); // truncated
                }
                socket.send(new DatagramPacket(junk, junk.length, local, port));
                if (i % 500 == 0) {
                    Thread.sleep(5); // stay below the socket buffer: we want them counted, not lost in the kernel
                }
            }
            socket.send(new DatagramPacket(good, good.length, local, port));
        }
        long ci = ciId("fw-01");
        awaitAlarm("linkDown:ci" + ci + ":112", j -> true);
        double after = Poll.until(() -> Metrics.value("beacon_traps_rejected_total"), v -> v >= parseErrors + 1000, WAIT,
                "garbage counted");
        System.out.printf("Garbage: %.0f rejections counted for 3000 junk packets%n", after - parseErrors);
        asDemo("agent").get("/api/alarms/counts").then().statusCode(200);
        io.restassured.RestAssured.given().get("/health/ready").then().statusCode(200);
    }
}
