package io.beacon.event.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.event.domain.EventKind;
import io.beacon.event.domain.NormalisedEvent;
import io.beacon.event.domain.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributionTest {
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private final FakeCis cis = new FakeCis().ci(7, "core-sw-01", "core-sw-01.example", "10.0.0.1")
            .ci(8, "ups-01", null, "10.0.5.5");
    private final TrapNormaliser traps = new TrapNormaliser(new TrapDefinitions(List.of(
            new TrapDefinition(Traps.LINK_DOWN, "linkDown", Severity.MAJOR, EventKind.PROBLEM, null,
                    List.of(Traps.IF_INDEX), "Interface {1.3.6.1.2.1.2.2.1.1} on {ci} ({source}) is down", List.of(),
                    "test"))));
    private final AlertNormaliser alerts = new AlertNormaliser(Severity.WARNING);

    @Test
    void normalisingLeavesTheCiOpenAndAttributionFillsItIntoKeyAndMessage() {
        NormalisedEvent pending = traps.normalise(Traps.linkDown("10.0.0.1", 3, T0));
        assertThat(pending.ciId()).isNull();
        assertThat(pending.reductionKey()).isEqualTo("linkDown:" + NormalisedEvent.WHERE + ":3");

        NormalisedEvent e = Attribution.attribute(pending, cis);
        assertThat(e.reductionKey()).isEqualTo("linkDown:ci7:3");
        assertThat(e.message()).isEqualTo("Interface 3 on core-sw-01 (10.0.0.1) is down");
        assertThat(e.ciId()).isEqualTo(7L);
        assertThat(e.ciName()).isEqualTo("core-sw-01");
        assertThat(e.ciResolvedBy()).isEqualTo("udp-source");
        assertThat(e.clues()).isEmpty();
    }

    @Test
    void withoutACiTheDeviceAddressTakesItsPlace() {
        NormalisedEvent e = Attribution.attribute(traps.normalise(Traps.linkDown("10.0.0.9", 3, T0)), cis);
        assertThat(e.reductionKey()).isEqualTo("linkDown:10.0.0.9:3");
        assertThat(e.message()).isEqualTo("Interface 3 on 10.0.0.9 (10.0.0.9) is down");
        assertThat(e.ciId()).isNull();
        assertThat(e.ciName()).isNull();
        assertThat(e.ciResolvedBy()).isNull();
        assertThat(e.sourceAddress()).isEqualTo("10.0.0.9");
    }

    @Test
    void theCmdbAsItIsWhenTheEventIsWrittenDecidesNotAsItWasWhenTheEventArrived() {
        NormalisedEvent arrived = traps.normalise(Traps.linkDown("10.0.0.9", 3, T0));
        cis.ci(9, "edge-rtr-09", null, "10.0.0.9"); // a CMDB commit between arrival and the write
        NormalisedEvent written = Attribution.attribute(arrived, cis);
        assertThat(written.reductionKey()).isEqualTo("linkDown:ci9:3");
        assertThat(written.message()).isEqualTo("Interface 3 on edge-rtr-09 (10.0.0.9) is down");
    }

    @Test
    void aTrustedRelaysNamedDeviceComesBeforeTheRelayItselfAndV1AgentAddrBeforeTheUdpSource() {
        NormalisedEvent relayed = Attribution.attribute(traps.normalise(Traps.v2("10.0.5.5", Traps.LINK_DOWN, T0,
                Traps.IF_INDEX + ".1", "1", Trap.SNMP_TRAP_ADDRESS, "10.0.0.1")), cis);
        assertThat(relayed.reductionKey()).isEqualTo("linkDown:ci7:1");
        assertThat(relayed.ciResolvedBy()).isEqualTo("snmpTrapAddress");

        NormalisedEvent unknownRelayed = Attribution.attribute(traps.normalise(Traps.v2("10.0.5.5", Traps.LINK_DOWN, T0,
                Traps.IF_INDEX + ".1", "1", Trap.SNMP_TRAP_ADDRESS, "10.9.9.9")), cis);
        assertThat(unknownRelayed.ciId()).isEqualTo(8L); // the relay's own CI: the named device is no CI's
        assertThat(unknownRelayed.reductionKey()).isEqualTo("linkDown:ci8:1");
        assertThat(unknownRelayed.sourceAddress()).isEqualTo("10.9.9.9");

        NormalisedEvent v1 = Attribution.attribute(traps.normalise(Traps.v1("192.0.2.99", "10.0.0.1",
                "1.3.6.1.4.1.9.1.1", 2, 0, T0, Traps.IF_INDEX + ".5", "5")), cis);
        assertThat(v1.reductionKey()).isEqualTo("linkDown:ci7:5");
        assertThat(v1.ciResolvedBy()).isEqualTo("agent-addr");
    }

    @Test
    void inputThatLooksLikeTheStandInIsNeverReplaced() {
        NormalisedEvent e = Attribution.attribute(traps.normalise(Traps.v2("10.0.0.1", Traps.LINK_DOWN, T0,
                Traps.IF_INDEX + ".3", NormalisedEvent.WHERE)), cis);
        assertThat(e.reductionKey()).isEqualTo("linkDown:ci7:\uFFFD");
        assertThat(e.message()).isEqualTo("Interface \uFFFD on core-sw-01 (10.0.0.1) is down");
    }

    @Test
    void aLongMessageIsCutAsIfTheCiHadBeenWrittenIntoItBeforeCutting() {
        String ifIndex = "x".repeat(NormalisedEvent.MESSAGE_MAX - 20);
        NormalisedEvent e = Attribution.attribute(traps.normalise(Traps.v2("10.0.0.1", Traps.LINK_DOWN, T0,
                Traps.IF_INDEX + ".3", ifIndex)), cis);
        String expected = ("Interface " + ifIndex + " on core-sw-01 (10.0.0.1) is down")
                .substring(0, NormalisedEvent.MESSAGE_MAX);
        assertThat(e.message()).isEqualTo(expected);
    }

    @Test
    void alertsAndGenericEventsFindTheirCiByHostAndKeepTheirKeysAsBefore() {
        NormalisedEvent alert = Attribution.attribute(alerts.alert(new AlertmanagerAlert("firing",
                Map.of("alertname", "HostDown", "instance", "core-sw-01.example:9100"), Map.of("summary", "down"),
                "2026-11-27T09:59:00Z", null, "abc123", null), T0), cis);
        assertThat(alert.ciId()).isEqualTo(7L);
        assertThat(alert.ciResolvedBy()).isEqualTo("instance");
        assertThat(alert.reductionKey()).isEqualTo("alertmanager:abc123");
        assertThat(alert.sourceAddress()).isEqualTo("core-sw-01.example");

        NormalisedEvent known = Attribution.attribute(alerts.generic("nagios", "core-sw-01", Severity.MAJOR,
                "DiskFull", "full", null, false, Map.of(), T0), cis);
        assertThat(known.reductionKey()).isEqualTo("api:DiskFull:ci7");
        assertThat(known.ciResolvedBy()).isEqualTo("ci");

        NormalisedEvent unknown = Attribution.attribute(alerts.generic("nagios", " db-99 ", Severity.MAJOR,
                "DiskFull", null, null, false, Map.of(), T0), cis);
        assertThat(unknown.reductionKey()).isEqualTo("api:DiskFull:db-99");
        assertThat(unknown.message()).isEqualTo("DiskFull");
        assertThat(unknown.ciId()).isNull();

        NormalisedEvent ownKey = Attribution.attribute(alerts.generic("nagios", "core-sw-01", Severity.MAJOR,
                "DiskFull", null, "db-99/disk", false, Map.of(), T0), cis);
        assertThat(ownKey.reductionKey()).isEqualTo("api:db-99/disk");
        assertThat(ownKey.ciId()).isEqualTo(7L);
    }
}
