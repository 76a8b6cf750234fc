package io.beacon.event.ingest.application;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** What a webhook delivery amounted to once committed: how many events it held. */
public record IngestReceipt(int events) {

    /**
     * The answer of a delivery made of several parts (the alerts of one webhook): completes once
     * every part has, with their events added up. When parts failed, it fails too: with an
     * {@link EventNotIngestedException} naming every dead letter when any part failed a stage (what
     * the others did is in its message), else with the first part's failure (shed, not stored).
     */
    public static CompletableFuture<IngestReceipt> allOf(List<CompletableFuture<IngestReceipt>> parts) {
        List<CompletableFuture<IngestReceipt>> all = List.copyOf(parts);
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).handle((v, ignored) -> null)
                .thenCompose(v -> combine(all));
    }

    private static CompletableFuture<IngestReceipt> combine(List<CompletableFuture<IngestReceipt>> parts) {
        int accepted = 0;
        List<EventNotIngestedException> notIngested = new ArrayList<>();
        Throwable firstOther = null;
        for (CompletableFuture<IngestReceipt> part : parts) {
            Throwable failure = failureOf(part);
            if (failure == null) {
                accepted += part.join().events();
            } else if (failure instanceof EventNotIngestedException n) {
                notIngested.add(n);
            } else if (firstOther == null) {
                firstOther = failure;
            }
        }
        if (!notIngested.isEmpty()) {
            return CompletableFuture.failedFuture(EventNotIngestedException.ofParts(notIngested, parts.size(), accepted));
        }
        return firstOther == null ? CompletableFuture.completedFuture(new IngestReceipt(accepted))
                : CompletableFuture.failedFuture(firstOther);
    }

    private static Throwable failureOf(CompletableFuture<?> done) {
        try {
            done.join();
            return null;
        } catch (CompletionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (CancellationException e) {
            return e;
        }
    }
}
