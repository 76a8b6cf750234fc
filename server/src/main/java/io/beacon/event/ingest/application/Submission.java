package io.beacon.event.ingest.application;

import io.beacon.event.domain.NormalisedEvent;
import java.util.concurrent.CompletableFuture;

/**
 * An event handed to the ingest queue: {@code committed} (when the channel must acknowledge,
 * e.g. an INFORM or a webhook) completes once the batch holding the event has committed, or
 * exceptionally when it was shed or could not be stored.
 */
public record Submission(NormalisedEvent event, long receivedNanos, CompletableFuture<Void> committed) {}
