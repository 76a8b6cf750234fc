package io.beacon.event.ingest.application;

import io.beacon.event.domain.NormalisedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What one delivery of a channel (a trap, an INFORM, one alert of an Alertmanager webhook, a JSON
 * event) became after normalisation, on its way through the ingest hand-off. {@code committed}
 * is what the sender is answered by when it waits (an INFORM, a webhook): it completes once the
 * events are committed, and fails when one was shed, could not be stored or failed a stage; it is
 * null when nobody waits (a plain trap). The future travels inside the delivery, as in a
 * {@link Submission}, so that every stage hands on plain data.
 */
public record NormalisedDelivery(List<NormalisedEvent> events, CompletableFuture<IngestReceipt> committed) {
    public NormalisedDelivery {
        events = List.copyOf(events);
    }

    /** One event; with {@code awaitCommit} its sender waits for the commit. */
    public static NormalisedDelivery of(NormalisedEvent event, boolean awaitCommit) {
        return new NormalisedDelivery(List.of(event), awaitCommit ? new CompletableFuture<>() : null);
    }

    /** A delivery whose input failed before it became events: nothing to hand off, its answer failed. */
    public static NormalisedDelivery failed(RuntimeException cause) {
        return new NormalisedDelivery(List.of(), CompletableFuture.failedFuture(cause));
    }

    /**
     * The parts of one delivery handled one by one (the alerts of a webhook) as one: all their
     * events, answered once every part is (see {@link IngestReceipt#allOf}).
     */
    public static NormalisedDelivery allOf(List<NormalisedDelivery> parts) {
        List<NormalisedEvent> events = new ArrayList<>();
        List<CompletableFuture<IngestReceipt>> answers = new ArrayList<>(parts.size());
        for (NormalisedDelivery part : parts) {
            events.addAll(part.events());
            answers.add(part.awaitsCommit() ? part.committed()
                    : CompletableFuture.completedFuture(new IngestReceipt(part.events().size())));
        }
        return new NormalisedDelivery(events, IngestReceipt.allOf(answers));
    }

    public boolean awaitsCommit() {
        return committed != null;
    }
}
