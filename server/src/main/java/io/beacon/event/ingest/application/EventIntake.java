package io.beacon.event.ingest.application;

import io.beacon.event.ingest.domain.AlertNormaliser;
import io.beacon.event.ingest.domain.AlertmanagerAlert;
import io.beacon.event.domain.NormalisedEvent;
import io.beacon.event.domain.Severity;
import io.beacon.event.ingest.domain.Trap;
import io.beacon.event.ingest.domain.TrapNormaliser;
import io.beacon.event.EventSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where every channel's input enters the server: normalises it on the caller's thread (trap
 * definitions) and queues it for the pipeline, which attributes it to its CI before writing it. Called by the inbound routes.
 */
@ApplicationScoped
public class EventIntake {
    @Inject
    TrapDefinitionCatalog definitions;

    @Inject
    EventQueue queue;

    @Inject
    EventSettings settings;

    @Inject
    Clock clock;

    /**
     * Queues an authenticated trap; with {@code acknowledge} (an INFORM) the answer completes after
     * the commit, otherwise it is null. Answers false-like (a failed future, or null) when shed.
     */
    public CompletableFuture<Void> trap(Trap trap, boolean acknowledge) {
        NormalisedEvent event = new TrapNormaliser(definitions.current()).normalise(trap);
        CompletableFuture<Void> done = acknowledge ? new CompletableFuture<>() : null;
        queue.offer(new Submission(event, System.nanoTime(), done));
        return done;
    }

    public CompletableFuture<IngestReceipt> alertmanager(List<AlertmanagerAlert> alerts) {
        AlertNormaliser normaliser = new AlertNormaliser(defaultSeverity());
        long now = System.nanoTime();
        CompletableFuture<?>[] all = new CompletableFuture<?>[alerts.size()];
        for (int i = 0; i < alerts.size(); i++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            queue.offer(new Submission(normaliser.alert(alerts.get(i), clock.instant()), now, done));
            all[i] = done;
        }
        return CompletableFuture.allOf(all).thenApply(v -> new IngestReceipt(alerts.size()));
    }

    public CompletableFuture<IngestReceipt> event(GenericEvent e) {
        NormalisedEvent event = new AlertNormaliser(defaultSeverity()).generic(e.source(), e.ci(), e.severity(),
                e.name(), e.message(), e.key(), e.clear(), e.attributes(), clock.instant());
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.offer(new Submission(event, System.nanoTime(), done));
        return done.thenApply(v -> new IngestReceipt(1));
    }

    private Severity defaultSeverity() {
        return Optional.ofNullable(Severity.parse(settings.defaultSeverity())).orElse(Severity.WARNING);
    }
}
