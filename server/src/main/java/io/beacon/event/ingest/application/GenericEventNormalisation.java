package io.beacon.event.ingest.application;

import io.beacon.event.EventSettings;
import io.beacon.event.ingest.domain.AlertNormaliser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;

/**
 * The normalisation stage of the generic JSON event channel ({@code POST /api/events}; its route
 * calls it by name). The caller waits for the commit.
 */
@ApplicationScoped
@Named("genericEventNormalisation")
public class GenericEventNormalisation {
    @Inject
    EventSettings settings;

    @Inject
    Clock clock;

    public NormalisedDelivery normalise(GenericEvent e) {
        return NormalisedDelivery.of(normaliser().generic(e.source(), e.ci(), e.severity(), e.name(), e.message(),
                e.key(), e.clear(), e.attributes(), clock.instant()), true);
    }

    private AlertNormaliser normaliser() {
        return new AlertNormaliser(AlertNormalisation.defaultSeverity(settings));
    }
}
