package io.beacon.event.ingest.domain;
import io.beacon.event.domain.EventKind;
import io.beacon.event.domain.NormalisedEvent;
import io.beacon.event.domain.Severity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TrapNormaliserTest {
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private final FakeCis cis = new FakeCis().ci(7, "core-sw-01", "core-sw-01.example", "10.0.0.1")
            .ci(8, "ups-01", null, "10.0.5.5");
    private final TrapNormaliser trapNormaliser = new TrapNormaliser(new TrapDefinitions(List.of(
            new TrapDefinition(Traps.LINK_DOWN, "linkDown", Severity.MAJOR, EventKind.PROBLEM, null,
                    List.of(Traps.IF_INDEX), "Interface {1.3.6.1.2.1.2.2.1.1} on {ci} is down",
                    List.of(new TrapDefinition.Override(Traps.IF_ADMIN, "2", Severity.WARNING)), "test"),
            new TrapDefinition(Traps.LINK_UP, "linkUp", Severity.CLEARED, EventKind.CLEAR, "linkDown",
                    List.of(Traps.IF_INDEX), null, List.of(), "test"),
            new TrapDefinition("1.3.6.1.4.1.318.0.5", "apcUpsOnBattery", Severity.MAJOR, EventKind.PROBLEM, null,
                    List.of(), "UPS {ci} on battery: {#1}", List.of(), "test"))));
    /** What the pipeline stores: normalised, then attributed. */
    private final Function<Trap, NormalisedEvent> normaliser =
            t -> Attribution.attribute(trapNormaliser.normalise(t), cis);

    @Test
    void aLinkDownFromAKnownAddressIsAMajorProblemKeyedByCiAndIfIndex() {
        NormalisedEvent e = normaliser.apply(Traps.linkDown("10.0.0.1", 3, T0));
        assertThat(e.name()).isEqualTo("linkDown");
        assertThat(e.kind()).isEqualTo(EventKind.PROBLEM);
        assertThat(e.severity()).isEqualTo(Severity.MAJOR);
        assertThat(e.ciId()).isEqualTo(7L);
        assertThat(e.ciResolvedBy()).isEqualTo("udp-source");
        assertThat(e.reductionKey()).isEqualTo("linkDown:ci7:3");
        assertThat(e.message()).isEqualTo("Interface 3 on core-sw-01 is down");
        assertThat(e.attributesJson()).contains("\"1.3.6.1.2.1.2.2.1.8.3\":\"2\"");
    }

    @Test
    void linkUpOfTheSameInterfaceCarriesTheLinkDownKeySoItClearsIt() {
        NormalisedEvent down = normaliser.apply(Traps.linkDown("10.0.0.1", 3, T0));
        NormalisedEvent up = normaliser.apply(Traps.linkUp("10.0.0.1", 3, T0));
        NormalisedEvent otherPort = normaliser.apply(Traps.linkUp("10.0.0.1", 4, T0));
        assertThat(up.kind()).isEqualTo(EventKind.CLEAR);
        assertThat(up.reductionKey()).isEqualTo(down.reductionKey());
        assertThat(otherPort.reductionKey()).isNotEqualTo(down.reductionKey());
    }

    @Test
    void anAdministrativelyDownPortIsOnlyAWarning() {
        Trap t = Traps.v2("10.0.0.1", Traps.LINK_DOWN, T0, Traps.IF_INDEX + ".9", "9", Traps.IF_ADMIN + ".9", "2");
        assertThat(normaliser.apply(t).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void aRelayedTrapBelongsToTheDeviceInSnmpTrapAddressNotToTheRelay() {
        Trap t = Traps.v2("10.0.5.5", Traps.LINK_DOWN, T0, Traps.IF_INDEX + ".1", "1", Trap.SNMP_TRAP_ADDRESS, "10.0.0.1");
        NormalisedEvent e = normaliser.apply(t);
        assertThat(e.ciId()).isEqualTo(7L);
        assertThat(e.ciResolvedBy()).isEqualTo("snmpTrapAddress");
    }

    @Test
    void aDeviceNamedInsideATrapFromAnUntrustedSenderIsIgnoredForTheUdpSource() {
        Trap relayed = Traps.fromUntrustedSource(
                Traps.v2("10.0.5.5", Traps.LINK_DOWN, T0, Traps.IF_INDEX + ".1", "1", Trap.SNMP_TRAP_ADDRESS, "10.0.0.1"));
        NormalisedEvent e = normaliser.apply(relayed);
        assertThat(e.ciId()).isEqualTo(8L); // the sender's own CI, not core-sw-01 (10.0.0.1) that it named
        assertThat(e.ciResolvedBy()).isEqualTo("udp-source");
        assertThat(e.sourceAddress()).isEqualTo("10.0.5.5");

        Trap v1 = Traps.fromUntrustedSource(Traps.v1("192.0.2.99", "10.0.0.1", "1.3.6.1.4.1.9.1.1", 2, 0, T0, Traps.IF_INDEX + ".5", "5"));
        NormalisedEvent unknown = normaliser.apply(v1);
        assertThat(unknown.ciId()).isNull();
        assertThat(unknown.sourceAddress()).isEqualTo("192.0.2.99");
        assertThat(unknown.reductionKey()).isEqualTo("linkDown:192.0.2.99:5");
    }

    @Test
    void aV1TrapIsTranslatedByRfc3584AndFoundByItsAgentAddress() {
        Trap linkDown = Traps.v1("192.0.2.99", "10.0.0.1", "1.3.6.1.4.1.9.1.1", 2, 0, T0, Traps.IF_INDEX + ".5", "5");
        NormalisedEvent e = normaliser.apply(linkDown);
        assertThat(e.name()).isEqualTo("linkDown");
        assertThat(e.ciId()).isEqualTo(7L);
        assertThat(e.ciResolvedBy()).isEqualTo("agent-addr");
        assertThat(e.reductionKey()).isEqualTo("linkDown:ci7:5");

        Trap apc = Traps.v1("10.0.5.5", "0.0.0.0", "1.3.6.1.4.1.318", 6, 5, T0, "1.3.6.1.4.1.318.2.3.3.0", "UPS: On battery power");
        NormalisedEvent onBattery = normaliser.apply(apc);
        assertThat(onBattery.name()).isEqualTo("apcUpsOnBattery");
        assertThat(onBattery.ciResolvedBy()).isEqualTo("udp-source");
        assertThat(onBattery.message()).isEqualTo("UPS ups-01 on battery: UPS: On battery power");
    }

    @Test
    void anUnknownTrapFromAnUnknownDeviceStillBecomesAnEventKeyedByItsAddress() {
        Trap t = Traps.v2("192.0.2.10", "1.3.6.1.4.1.99999.0.42", T0, "1.3.6.1.4.1.99999.1.1.0", "hello");
        NormalisedEvent e = normaliser.apply(t);
        assertThat(e.name()).isEqualTo("1.3.6.1.4.1.99999.0.42");
        assertThat(e.severity()).isEqualTo(Severity.INDETERMINATE);
        assertThat(e.ciId()).isNull();
        assertThat(e.sourceAddress()).isEqualTo("192.0.2.10");
        assertThat(e.reductionKey()).isEqualTo("1.3.6.1.4.1.99999.0.42:192.0.2.10");
        assertThat(e.message()).contains("hello");
    }
}
