package io.beacon.event.ingest.application;

import io.beacon.event.ingest.domain.Trap;
import io.beacon.event.ingest.domain.TrapNormaliser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The normalisation stage of the SNMP channel (the trap route calls it by name): an authenticated
 * trap becomes one event by the trap definitions in force. An INFORM waits for its commit.
 */
@ApplicationScoped
@Named("trapNormalisation")
public class TrapNormalisation {
    @Inject
    TrapDefinitionCatalog definitions;

    public NormalisedDelivery normalise(Trap trap) {
        return NormalisedDelivery.of(normaliser().normalise(trap), trap.inform());
    }

    /** Built per trap: the definitions may have been re-read since the last one. */
    private TrapNormaliser normaliser() {
        return new TrapNormaliser(definitions.current());
    }
}
