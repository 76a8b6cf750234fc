package io.beacon.event.alarm.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.event.domain.EventKind;
import io.beacon.event.domain.EventSource;
import io.beacon.event.domain.NormalisedEvent;
import io.beacon.event.domain.Severity;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An alarm from a device no CI owned moves onto the CI that claims the device's address. */
class AlarmReattributionTest {
    private static Alarm alarm(EventSource source, String name, String key, String address) {
        return new Alarm(new NormalisedEvent(Instant.EPOCH, source, EventKind.PROBLEM, name, Severity.MAJOR, key, null,
                null, null, address, null, "m", Map.of()));
    }

    @Test
    void aTrapsAddressInItsKeyBecomesTheCi() {
        assertThat(alarm(EventSource.SNMP, "linkDown", "linkDown:10.0.0.9:3", "10.0.0.9").keyOnCi(7))
                .contains("linkDown:ci7:3");
        assertThat(alarm(EventSource.SNMP, "coldStart", "coldStart:10.0.0.9", "10.0.0.9").keyOnCi(7))
                .contains("coldStart:ci7");
        // Only a whole segment: 10.0.0.9 is not 10.0.0.99.
        assertThat(alarm(EventSource.SNMP, "linkDown", "linkDown:10.0.0.99:3", "10.0.0.9").keyOnCi(7)).isEmpty();
        assertThat(alarm(EventSource.SNMP, "linkDown", "linkDown:2001:db8::9:3", "2001:db8::9").keyOnCi(7))
                .contains("linkDown:ci7:3");
    }

    @Test
    void aGenericEventsOwnKeyAndAnAlertmanagerFingerprintStay() {
        assertThat(alarm(EventSource.API, "DiskFull", "api:DiskFull:db-99", "db-99").keyOnCi(7))
                .contains("api:DiskFull:ci7");
        assertThat(alarm(EventSource.API, "DiskFull", "api:db-99/disk", "db-99").keyOnCi(7)).isEmpty();
        assertThat(alarm(EventSource.ALERTMANAGER, "HostDown", "alertmanager:abc", "db-99").keyOnCi(7)).isEmpty();
    }

    @Test
    void movingOntoACiAttributesItAndReKeysItOnlyWhenToldTo() {
        Alarm a = alarm(EventSource.SNMP, "linkDown", "linkDown:10.0.0.9:3", "10.0.0.9");
        a.moveOnto(7, "edge-rtr", "linkDown:ci7:3");
        assertThat(a.getCiId()).isEqualTo(7L);
        assertThat(a.getCiName()).isEqualTo("edge-rtr");
        assertThat(a.getReductionKey()).isEqualTo("linkDown:ci7:3");

        Alarm b = alarm(EventSource.SNMP, "linkDown", "linkDown:10.0.0.9:4", "10.0.0.9");
        b.moveOnto(7, "edge-rtr", null);
        assertThat(b.getReductionKey()).isEqualTo("linkDown:10.0.0.9:4");
        assertThat(b.getCiId()).isEqualTo(7L);
    }
}
