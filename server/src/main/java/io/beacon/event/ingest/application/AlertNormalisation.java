package io.beacon.event.ingest.application;

import io.beacon.event.EventSettings;
import io.beacon.event.domain.Severity;
import io.beacon.event.ingest.domain.AlertNormaliser;
import io.beacon.event.ingest.domain.AlertmanagerAlert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.Optional;

/**
 * The normalisation stage of the Alertmanager channel (its route calls it by name, once per alert
 * of a delivery, so that one alert that fails does not take the others with it). The webhook
 * waits for the commit.
 */
@ApplicationScoped
@Named("alertNormalisation")
public class AlertNormalisation {
    @Inject
    EventSettings settings;

    @Inject
    Clock clock;

    public NormalisedDelivery normalise(AlertmanagerAlert alert) {
        return NormalisedDelivery.of(normaliser().alert(alert, clock.instant()), true);
    }

    private AlertNormaliser normaliser() {
        return new AlertNormaliser(defaultSeverity(settings));
    }

    /** {@code BEACON_EVENTS_DEFAULT_SEVERITY}, or warning when it names no severity. */
    static Severity defaultSeverity(EventSettings settings) {
        return Optional.ofNullable(Severity.parse(settings.defaultSeverity())).orElse(Severity.WARNING);
    }
}
