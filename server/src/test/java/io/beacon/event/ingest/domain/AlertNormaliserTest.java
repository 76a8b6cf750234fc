package io.beacon.event.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.event.domain.EventKind;
import io.beacon.event.domain.EventSource;
import io.beacon.event.domain.NormalisedEvent;
import io.beacon.event.domain.Severity;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Alertmanager alerts and generic events as the pipeline receives them (what they become, not what happens to them). */
class AlertNormaliserTest {
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private final FakeCis cis = new FakeCis().ci(7, "core-sw-01", "core-sw-01.example", "10.0.0.1");
    private final AlertNormaliser alerts = new AlertNormaliser(Severity.WARNING);
    /** Normalised, then attributed as the pipeline does before it writes. */
    private final Attributed normaliser = new Attributed();

    private final class Attributed {
        NormalisedEvent alert(AlertmanagerAlert a, Instant now) {
            return Attribution.attribute(alerts.alert(a, now), cis);
        }

        NormalisedEvent generic(String source, String ci, Severity severity, String name, String message, String key,
                boolean clear, Map<String, String> attributes, Instant now) {
            return Attribution.attribute(alerts.generic(source, ci, severity, name, message, key, clear, attributes, now), cis);
        }
    }
    private final AlertmanagerAlert firing = new AlertmanagerAlert("firing",
            Map.of("alertname", "HighLatency", "severity", "critical", "instance", "core-sw-01.example:9100"),
            Map.of("summary", "p99 latency over 2 s"), "2026-11-27T09:59:00Z", "0001-01-01T00:00:00Z",
            "4f1c2b3a5d6e7f80", null);

    @Test
    void aFiringAlertIsAProblemOnTheCiOfItsInstanceKeyedByItsFingerprint() {
        NormalisedEvent e = normaliser.alert(firing, T0);
        assertThat(e.source()).isEqualTo(EventSource.ALERTMANAGER);
        assertThat(e.kind()).isEqualTo(EventKind.PROBLEM);
        assertThat(e.name()).isEqualTo("HighLatency");
        assertThat(e.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(e.reductionKey()).isEqualTo("alertmanager:4f1c2b3a5d6e7f80");
        assertThat(e.occurrence()).isEqualTo("2026-11-27T09:59:00Z");
        assertThat(e.ciId()).isEqualTo(7L);
        assertThat(e.sourceAddress()).isEqualTo("core-sw-01.example");
        assertThat(e.message()).isEqualTo("p99 latency over 2 s");
    }

    @Test
    void theResolvedAlertClearsTheSameKey() {
        AlertmanagerAlert resolved = new AlertmanagerAlert("resolved", firing.labels(), firing.annotations(),
                firing.startsAt(), "2026-11-27T10:05:00Z", firing.fingerprint(), null);
        NormalisedEvent e = normaliser.alert(resolved, T0);
        assertThat(e.kind()).isEqualTo(EventKind.CLEAR);
        assertThat(e.severity()).isEqualTo(Severity.CLEARED);
        assertThat(e.reductionKey()).isEqualTo(normaliser.alert(firing, T0).reductionKey());
    }

    @Test
    void aGenericEventForAnUnknownCiKeepsItsHintAsTheSourceAndIsKeyedByItsKey() {
        NormalisedEvent problem = normaliser.generic("nagios", "db-99", Severity.MAJOR, "DiskFull", "/var is 99% full",
                "db-99/disk", false, Map.of(), T0);
        assertThat(problem.source()).isEqualTo(EventSource.API);
        assertThat(problem.kind()).isEqualTo(EventKind.PROBLEM);
        assertThat(problem.ciId()).isNull();
        assertThat(problem.sourceAddress()).isEqualTo("db-99");
        assertThat(problem.reductionKey()).isEqualTo("api:db-99/disk");

        NormalisedEvent clear = normaliser.generic("nagios", "db-99", null, "DiskFull", null, "db-99/disk", true,
                Map.of(), T0);
        assertThat(clear.kind()).isEqualTo(EventKind.CLEAR);
        assertThat(clear.severity()).isEqualTo(Severity.CLEARED);
        assertThat(clear.reductionKey()).isEqualTo(problem.reductionKey());
    }

    @Test
    void aGenericEventWithoutSeverityTakesTheDefault() {
        NormalisedEvent e = normaliser.generic("nagios", "core-sw-01", null, "Ping", null, null, false, Map.of(), T0);
        assertThat(e.severity()).isEqualTo(Severity.WARNING);
        assertThat(e.ciId()).isEqualTo(7L);
        assertThat(e.reductionKey()).isEqualTo("api:Ping:ci7");
    }

    @Test
    void theInstanceLabelsHostPartIsUsedForEveryShape() {
        assertThat(AlertNormaliser.hostPart("10.0.0.1:9100")).isEqualTo("10.0.0.1");
        assertThat(AlertNormaliser.hostPart("[2001:db8::1]:9100")).isEqualTo("2001:db8::1");
        assertThat(AlertNormaliser.hostPart("2001:db8::1")).isEqualTo("2001:db8::1");
        assertThat(AlertNormaliser.hostPart("http://web-01.example:8080/metrics")).isEqualTo("web-01.example");
        assertThat(AlertNormaliser.hostPart("web-01")).isEqualTo("web-01");
    }
}
