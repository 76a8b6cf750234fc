package io.beacon.event.alarm.domain;
import io.beacon.event.domain.EventKind;
import io.beacon.event.domain.NormalisedEvent;
import io.beacon.event.ingest.domain.Attribution;
import io.beacon.event.ingest.domain.Trap;
import io.beacon.event.domain.Severity;
import io.beacon.event.ingest.domain.AlertNormaliser;
import io.beacon.event.ingest.domain.AlertmanagerAlert;
import io.beacon.event.ingest.domain.FakeCis;
import io.beacon.event.ingest.domain.TrapDefinition;
import io.beacon.event.ingest.domain.TrapDefinitions;
import io.beacon.event.ingest.domain.TrapNormaliser;
import io.beacon.event.ingest.domain.Traps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlarmScenarioTest {
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private final FakeCis cis = new FakeCis().ci(7, "core-sw-01", "core-sw-01.example", "10.0.0.1");
    private final AttributedTraps traps = new AttributedTraps(new TrapNormaliser(new TrapDefinitions(TestDefinitions.standard())));
    private final AttributedAlerts alerts = new AttributedAlerts(new AlertNormaliser(Severity.WARNING));

    /** Normalisation, then attribution, as the pipeline runs them. */
    private final class AttributedTraps {
        private final TrapNormaliser normaliser;

        AttributedTraps(TrapNormaliser normaliser) {
            this.normaliser = normaliser;
        }

        NormalisedEvent normalise(Trap t) {
            return Attribution.attribute(normaliser.normalise(t), cis);
        }
    }

    private final class AttributedAlerts {
        private final AlertNormaliser normaliser;

        AttributedAlerts(AlertNormaliser normaliser) {
            this.normaliser = normaliser;
        }

        NormalisedEvent alert(AlertmanagerAlert a, Instant now) {
            return Attribution.attribute(normaliser.alert(a, now), cis);
        }

        NormalisedEvent generic(String source, String ciHint, Severity severity, String name, String message, String key,
                boolean clear, Map<String, String> extra, Instant now) {
            return Attribution.attribute(normaliser.generic(source, ciHint, severity, name, message, key, clear, extra, now), cis);
        }
    }

    @Test
    void repeatsOfOneLinkDownFoldIntoOneAlarmAndOneIncidentAndLinkUpResolvesIt() {
        AlarmScenario s = new AlarmScenario(T0, Severity.MAJOR);
        s.in(traps.normalise(Traps.linkDown("10.0.0.1", 3, s.now()))).step();
        String key = "linkDown:ci7:3";
        assertThat(s.alarm(key).getCount()).isEqualTo(1);
        assertThat(s.alarm(key).getIncidentKey()).isEqualTo("INC-1");

        for (int i = 0; i < 1000; i++) {
            s.after(Duration.ofMillis(10)).in(traps.normalise(Traps.linkDown("10.0.0.1", 3, s.now())));
        }
        s.step();
        Alarm a = s.alarm(key);
        assertThat(a.getCount()).isEqualTo(1001);
        assertThat(a.getFirstSeen()).isEqualTo(T0);
        assertThat(a.getLastSeen()).isEqualTo(T0.plusSeconds(10));
        assertThat(s.alarmCount()).isEqualTo(1);
        assertThat(s.incidentsOpened()).isEqualTo(1);

        s.after(Duration.ofMinutes(1)).in(traps.normalise(Traps.linkUp("10.0.0.1", 3, s.now()))).step();
        assertThat(a.getStatus()).isEqualTo(AlarmStatus.CLEARED);
        assertThat(a.getSeverity()).isEqualTo(Severity.CLEARED);
        assertThat(a.getProblemSeverity()).isEqualTo(Severity.MAJOR);
        assertThat(a.getClearedAt()).isEqualTo(T0.plusSeconds(70));
        assertThat(s.incidentOpen("INC-1")).isFalse();
    }

    @Test
    void aLinkUpOfAnotherPortClearsNothingAndAClearForNothingIsKeptWithoutAnAlarm() {
        AlarmScenario s = new AlarmScenario(T0, Severity.MAJOR);
        s.in(traps.normalise(Traps.linkDown("10.0.0.1", 3, s.now())));
        s.in(traps.normalise(Traps.linkUp("10.0.0.1", 4, s.now()))).step();
        assertThat(s.alarm("linkDown:ci7:3").getStatus()).isEqualTo(AlarmStatus.ACTIVE);
        assertThat(s.alarm("linkDown:ci7:4")).isNull();
        assertThat(s.incidentOpen("INC-1")).isTrue();
    }

    @Test
    void downAndUpInOneBatchLeaveAClearedAlarmAndTheReRaiseOpensANewIncident() {
        AlarmScenario s = new AlarmScenario(T0, Severity.MAJOR);
        s.in(traps.normalise(Traps.linkDown("10.0.0.1", 3, s.now())));
        s.after(Duration.ofSeconds(1)).in(traps.normalise(Traps.linkUp("10.0.0.1", 3, s.now()))).step();
        assertThat(s.alarm("linkDown:ci7:3").getStatus()).isEqualTo(AlarmStatus.CLEARED);
        assertThat(s.incidentsOpened()).isZero(); // gone before anyone needed to be called

        s.after(Duration.ofMinutes(5)).in(traps.normalise(Traps.linkDown("10.0.0.1", 3, s.now()))).step();
        assertThat(s.alarm("linkDown:ci7:3").getStatus()).isEqualTo(AlarmStatus.ACTIVE);
        assertThat(s.alarm("linkDown:ci7:3").getCount()).isEqualTo(2);
        assertThat(s.incidentsOpened()).isEqualTo(1);
        s.after(Duration.ofMinutes(1)).in(traps.normalise(Traps.linkUp("10.0.0.1", 3, s.now()))).step();
        s.after(Duration.ofMinutes(1)).in(traps.normalise(Traps.linkDown("10.0.0.1", 3, s.now()))).step();
        assertThat(s.incidentsOpened()).isEqualTo(2);
        assertThat(s.incidentOpen("INC-1")).isFalse();
        assertThat(s.incidentOpen("INC-2")).isTrue();
    }

    @Test
    void belowTheThresholdThereIsAnAlarmButNoIncident() {
        AlarmScenario s = new AlarmScenario(T0, Severity.MAJOR);
        s.in(traps.normalise(Traps.v2("10.0.0.1", "1.3.6.1.6.3.1.1.5.1", s.now()))).step(); // coldStart
        assertThat(s.alarm("coldStart:ci7").getSeverity()).isEqualTo(Severity.WARNING);
        assertThat(s.incidentsOpened()).isZero();
    }

    @Test
    void alertmanagerRedeliveriesCountOnceAndResolvedClears() {
        AlarmScenario s = new AlarmScenario(T0, Severity.MAJOR);
        AlertmanagerAlert firing = new AlertmanagerAlert("firing",
                Map.of("alertname", "HighLatency", "severity", "critical", "instance", "core-sw-01.example:9100"),
                Map.of("summary", "p99 latency over 2 s"), "2026-11-27T09:59:00Z", "0001-01-01T00:00:00Z",
                "4f1c2b3a5d6e7f80", null);
        for (int i = 0; i < 3; i++) { // the group re-sent, and an HA peer's duplicate
            s.after(Duration.ofMinutes(1)).in(alerts.alert(firing, s.now())).step();
        }
        Alarm a = s.alarm("alertmanager:4f1c2b3a5d6e7f80");
        assertThat(a.getCount()).isEqualTo(1);
        assertThat(a.getCiId()).isEqualTo(7L);
        assertThat(a.getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(a.getMessage()).isEqualTo("p99 latency over 2 s");
        assertThat(s.duplicates()).isEqualTo(2);
        assertThat(s.incidentsOpened()).isEqualTo(1);

        AlertmanagerAlert resolved = new AlertmanagerAlert("resolved", firing.labels(), firing.annotations(),
                firing.startsAt(), "2026-11-27T10:05:00Z", firing.fingerprint(), null);
        s.after(Duration.ofMinutes(1)).in(alerts.alert(resolved, s.now())).in(alerts.alert(resolved, s.now())).step();
        assertThat(a.getStatus()).isEqualTo(AlarmStatus.CLEARED);
        assertThat(s.incidentOpen("INC-1")).isFalse();

        // The same occurrence redelivered late does not bring the alarm back; a new occurrence does.
        s.after(Duration.ofMinutes(1)).in(alerts.alert(firing, s.now())).step();
        assertThat(a.getStatus()).isEqualTo(AlarmStatus.CLEARED);
        AlertmanagerAlert again = new AlertmanagerAlert("firing", firing.labels(), firing.annotations(),
                "2026-11-27T10:20:00Z", null, firing.fingerprint(), null);
        s.after(Duration.ofMinutes(1)).in(alerts.alert(again, s.now())).step();
        assertThat(a.getStatus()).isEqualTo(AlarmStatus.ACTIVE);
        assertThat(a.getCount()).isEqualTo(2);
        assertThat(s.incidentsOpened()).isEqualTo(2);
    }

    @Test
    void aGenericEventForAnUnknownCiIsKeptAndClearsByItsKey() {
        AlarmScenario s = new AlarmScenario(T0, Severity.MAJOR);
        s.in(alerts.generic("nagios", "db-99", Severity.MAJOR, "DiskFull", "/var is 99% full", "db-99/disk", false,
                Map.of(), s.now())).step();
        Alarm a = s.alarm("api:db-99/disk");
        assertThat(a.getCiId()).isNull();
        assertThat(a.getSourceAddress()).isEqualTo("db-99");
        assertThat(s.incidentsOpened()).isEqualTo(1);
        s.in(alerts.generic("nagios", "db-99", null, "DiskFull", null, "db-99/disk", true, Map.of(), s.now())).step();
        assertThat(a.getStatus()).isEqualTo(AlarmStatus.CLEARED);
    }

    @Test
    void theInstanceLabelsHostPartIsUsedForEveryShape() {
        assertThat(AlertNormaliser.hostPart("10.0.0.1:9100")).isEqualTo("10.0.0.1");
        assertThat(AlertNormaliser.hostPart("[2001:db8::1]:9100")).isEqualTo("2001:db8::1");
        assertThat(AlertNormaliser.hostPart("2001:db8::1")).isEqualTo("2001:db8::1");
        assertThat(AlertNormaliser.hostPart("http://web-01.example:8080/metrics")).isEqualTo("web-01.example");
        assertThat(AlertNormaliser.hostPart("web-01")).isEqualTo("web-01");
    }

    /** The standard definitions as shipped, built here so that the domain test needs no file. */
    static final class TestDefinitions {
        static List<TrapDefinition> standard() {
            return List.of(
                    new TrapDefinition("1.3.6.1.6.3.1.1.5.1", "coldStart", Severity.WARNING, EventKind.NOTIFICATION, null,
                            List.of(), null, List.of(), "test"),
                    new TrapDefinition(Traps.LINK_DOWN, "linkDown", Severity.MAJOR, EventKind.PROBLEM, null,
                            List.of(Traps.IF_INDEX), null, List.of(), "test"),
                    new TrapDefinition(Traps.LINK_UP, "linkUp", Severity.CLEARED, EventKind.CLEAR, "linkDown",
                            List.of(Traps.IF_INDEX), null, List.of(), "test"));
        }
    }
}
