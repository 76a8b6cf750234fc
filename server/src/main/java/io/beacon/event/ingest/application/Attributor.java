package io.beacon.event.ingest.application;

import io.beacon.event.domain.NormalisedEvent;
import io.beacon.event.ingest.domain.Attribution;
import io.beacon.event.ingest.domain.CiLocator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The attribution stage: run by the pipeline right before a batch is written, so that an event
 * is attributed with the CMDB as it is when the event is stored (never with what it was before a
 * CMDB commit the event is written after).
 */
@ApplicationScoped
public class Attributor {
    @Inject
    CiLocator cis;

    public List<NormalisedEvent> attribute(List<NormalisedEvent> events) {
        List<NormalisedEvent> out = new ArrayList<>(events.size());
        for (NormalisedEvent e : events) {
            out.add(Attribution.attribute(e, cis));
        }
        return out;
    }
}
