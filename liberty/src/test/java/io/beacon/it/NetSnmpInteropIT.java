package io.beacon.it;

import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.beacon.it.support.BeaconServer;
import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.Metrics;
import io.beacon.it.support.Poll;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Interoperability with an independent SNMP stack: net-snmp's {@code snmptrap} and
 * {@code snmpinform} (Debian's {@code snmp} package, which .ci/run installs) send v1, v2c and v3
 * notifications to the running server. Skipped where the tools are missing, except in CI (CI=true).
 */
@ExtendWith(BeaconServerExtension.class)
class NetSnmpInteropIT {
    static final Duration WAIT = Duration.ofSeconds(30);
    static String target;

    @BeforeAll
    static void tools(BeaconServer server) {
        boolean present = Files.isExecutable(Path.of("/usr/bin/snmptrap")) && Files.isExecutable(Path.of("/usr/bin/snmpinform"));
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("net-snmp's snmptrap/snmpinform are missing in CI: .ci/run installs Debian's snmp package");
        }
        assumeTrue(present, "net-snmp command line tools not installed (apt-get install snmp)");
        target = "udp:127.0.0.1:" + server.trapPort();
    }

    static int run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("MIBS", ""); // numeric OIDs only: no MIB files needed
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            System.out.println(String.join(" ", cmd) + " -> " + p.exitValue() + ": " + out);
        }
        return p.exitValue();
    }

    static String[] linkDown(int ifIndex) {
        return new String[] {"1.3.6.1.6.3.1.1.5.3", "1.3.6.1.2.1.2.2.1.1." + ifIndex, "i", String.valueOf(ifIndex),
                "1.3.6.1.2.1.2.2.1.7." + ifIndex, "i", "1", "1.3.6.1.2.1.2.2.1.8." + ifIndex, "i", "2",
                "1.3.6.1.6.3.18.1.3.0", "a", "10.0.0.254"};
    }

    static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static JsonPath alarm(String key) {
        List<Map<String, Object>> items = asDemo("agent").queryParam("q", key).get("/api/alarms").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return items.stream().filter(a -> key.equals(a.get("reductionKey"))).findFirst()
                .map(a -> asDemo("agent").get("/api/alarms/" + a.get("id")).then().extract().jsonPath()).orElse(null);
    }

    static long fw() {
        return asDemo("agent").get("/api/cis/fw-01").then().statusCode(200).extract().jsonPath().getLong("id");
    }

    @Test
    void v2cTrapAndInformFromNetSnmp() throws Exception {
        assertThat(run(concat(new String[] {"snmptrap", "-v", "2c", "-c", "public", target, ""}, linkDown(301)))).isZero();
        Poll.until(() -> alarm("linkDown:ci" + fw() + ":301"), a -> a != null, WAIT, "alarm of net-snmp's v2c trap");
        // snmpinform exits 0 only when Beacon answered; answered means stored.
        assertThat(run(concat(new String[] {"snmpinform", "-v", "2c", "-c", "public", "-t", "10", "-r", "0", target, ""},
                linkDown(302)))).isZero();
        assertThat(alarm("linkDown:ci" + fw() + ":302")).isNotNull();
    }

    @Test
    void v1TrapFromNetSnmp() throws Exception {
        assertThat(run("snmptrap", "-v", "1", "-c", "beacon-it", target, "1.3.6.1.4.1.9.1.1", "10.0.0.254", "2", "0", "",
                "1.3.6.1.2.1.2.2.1.1.305", "i", "305")).isZero();
        JsonPath a = Poll.until(() -> alarm("linkDown:ci" + fw() + ":305"), x -> x != null, WAIT, "alarm of net-snmp's v1 trap");
        assertThat(a.getString("events[0].ciResolvedBy")).isEqualTo("agent-addr");
    }

    @Test
    void v3AuthPrivTrapAndInformFromNetSnmp() throws Exception {
        assertThat(run(concat(new String[] {"snmptrap", "-v", "3", "-l", "authPriv", "-u", "itsha256", "-a", "SHA-256",
                "-A", "it-auth-pass-2", "-x", "AES-256", "-X", "it-priv-pass-2", target, ""}, linkDown(303)))).isZero();
        Poll.until(() -> alarm("linkDown:ci" + fw() + ":303"), a -> a != null, WAIT, "alarm of net-snmp's v3 SHA-256/AES-256 trap");
        assertThat(run(concat(new String[] {"snmpinform", "-v", "3", "-l", "authPriv", "-u", "itsha", "-a", "SHA",
                "-A", "it-auth-pass-1", "-x", "AES", "-X", "it-priv-pass-1", "-t", "10", "-r", "1", target, ""},
                linkDown(304)))).isZero();
        assertThat(alarm("linkDown:ci" + fw() + ":304")).isNotNull();
    }

    static double rejected(String reason) {
        return Metrics.value("beacon_traps_rejected_total", "reason=\"" + reason + "\"");
    }

    static void awaitRejected(String reason, double before) {
        Poll.until(() -> rejected(reason), v -> v >= before + 1, WAIT, reason + " counted");
    }

    @Test
    void v3BelowItsUsersSecurityLevelOrWithAWrongPrivacyKeyIsRejectedCountedAndNeverProcessed() throws Exception {
        // itsha is configured authPriv (SHA/AES); only knowing its name must not be enough.
        double tooLow = rejected("security_level_too_low");
        assertThat(run(concat(new String[] {"snmptrap", "-v", "3", "-l", "noAuthNoPriv", "-u", "itsha", target, ""},
                linkDown(311)))).isZero();
        awaitRejected("security_level_too_low", tooLow);

        tooLow = rejected("security_level_too_low");
        assertThat(run(concat(new String[] {"snmptrap", "-v", "3", "-l", "authNoPriv", "-u", "itsha", "-a", "SHA",
                "-A", "it-auth-pass-1", target, ""}, linkDown(312)))).isZero();
        awaitRejected("security_level_too_low", tooLow);

        double decryption = rejected("decryption_error");
        double parse = rejected("parse_error");
        assertThat(run(concat(new String[] {"snmptrap", "-v", "3", "-l", "authPriv", "-u", "itsha", "-a", "SHA",
                "-A", "it-auth-pass-1", "-x", "AES", "-X", "wrong-priv-pass", target, ""}, linkDown(313)))).isZero();
        awaitRejected("decryption_error", decryption);
        assertThat(rejected("parse_error")).as("a wrong privacy key is no parse error").isEqualTo(parse);

        // An INFORM below the user's level gets no answer: snmpinform times out.
        tooLow = rejected("security_level_too_low");
        assertThat(run(concat(new String[] {"snmpinform", "-v", "3", "-l", "noAuthNoPriv", "-u", "itsha", "-t", "2",
                "-r", "0", target, ""}, linkDown(314)))).isNotZero();
        awaitRejected("security_level_too_low", tooLow);

        // At its level the same user is accepted; the refused ones left nothing behind.
        assertThat(run(concat(new String[] {"snmptrap", "-v", "3", "-l", "authPriv", "-u", "itsha", "-a", "SHA",
                "-A", "it-auth-pass-1", "-x", "AES", "-X", "it-priv-pass-1", target, ""}, linkDown(315)))).isZero();
        Poll.until(() -> alarm("linkDown:ci" + fw() + ":315"), a -> a != null, WAIT, "alarm of the authPriv trap");
        for (int ifIndex = 311; ifIndex <= 314; ifIndex++) {
            assertThat(alarm("linkDown:ci" + fw() + ":" + ifIndex)).as("ifIndex " + ifIndex).isNull();
        }
    }

    @Test
    void aV3UserConfiguredBelowAuthPrivIsAcceptedAtItsLevelAndAbove() throws Exception {
        // itauth is authNoPriv: authNoPriv is its level; noAuthNoPriv is below it.
        double tooLow = rejected("security_level_too_low");
        assertThat(run(concat(new String[] {"snmptrap", "-v", "3", "-l", "noAuthNoPriv", "-u", "itauth", target, ""},
                linkDown(316)))).isZero();
        awaitRejected("security_level_too_low", tooLow);
        assertThat(run(concat(new String[] {"snmptrap", "-v", "3", "-l", "authNoPriv", "-u", "itauth", "-a", "SHA",
                "-A", "it-auth-pass-4", target, ""}, linkDown(317)))).isZero();
        Poll.until(() -> alarm("linkDown:ci" + fw() + ":317"), a -> a != null, WAIT, "alarm of the authNoPriv trap");
        assertThat(alarm("linkDown:ci" + fw() + ":316")).isNull();
    }

    @Test
    void v2cWithAWrongCommunityIsRefusedAndCounted() throws Exception {
        double bad = rejected("bad_community");
        assertThat(run(concat(new String[] {"snmptrap", "-v", "2c", "-c", "not-the-community", target, ""}, linkDown(318))))
                .isZero();
        awaitRejected("bad_community", bad);
        assertThat(run(concat(new String[] {"snmptrap", "-v", "2c", "-c", "public", target, ""}, linkDown(319)))).isZero();
        Poll.until(() -> alarm("linkDown:ci" + fw() + ":319"), a -> a != null, WAIT, "alarm of the good v2c trap");
        assertThat(alarm("linkDown:ci" + fw() + ":318")).isNull();
    }
}
