package io.beacon.integrations.camel;

import io.beacon.event.ingest.application.EventNotIngestedException;
import io.beacon.event.ingest.application.NormalisedDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.RuntimeCamelException;

/**
 * What the shared route configuration does with an exchange that failed a stage: count it (by the
 * route it failed in and the exception's class), log it (once a minute per route and reason, with
 * how many were not logged, so a storm of one failure cannot flood the log), and either keep its
 * input as a dead letter and answer the sender that it was not ingested, or (for a source that
 * keeps and redelivers its input itself) only count and log.
 */
@ApplicationScoped
public class InboundFailures {
    private static final Logger LOG = Logger.getLogger(InboundFailures.class.getName());
    private static final long LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    @Inject
    RouteMetrics metrics;

    @Inject
    DeadLetters deadLetters;

    private final Map<String, long[]> logged = new ConcurrentHashMap<>();

    InboundFailures() {
        // CDI
    }

    InboundFailures(RouteMetrics metrics, DeadLetters deadLetters) {
        this.metrics = metrics;
        this.deadLetters = deadLetters;
    }

    /**
     * Keeps what the failing stage was given as a dead letter, and leaves in the body a delivery
     * whose answer failed with {@link EventNotIngestedException}: a webhook answers it as a
     * problem, and an INFORM is not answered. A failure in the hand-off (the ingest route) is one
     * the sender may retry; one in a channel's own stages is about the input.
     */
    public void deadLetter(Exchange exchange) {
        Throwable cause = cause(exchange);
        String route = failedRoute(exchange);
        String reason = cause.getClass().getSimpleName();
        metrics.routeFailed(route, reason);
        Object input = exchange.getMessage().getBody();
        String letter = deadLetters.keep(exchange.getFromRouteId(), route, reason, cause.getMessage(), input);
        log(route, reason, cause, "kept as dead letter " + letter + " in " + deadLetters.location());
        EventNotIngestedException notIngested = EventNotIngestedException.of(letter, IngestRoute.ID.equals(route));
        if (input instanceof NormalisedDelivery delivery && delivery.awaitsCommit()) {
            delivery.committed().completeExceptionally(notIngested); // whoever holds it already
        }
        exchange.getMessage().setBody(NormalisedDelivery.failed(notIngested));
    }

    /** Counts and logs; the exchange stays failed, so that its source keeps the input and redelivers it. */
    public void countAndLog(Exchange exchange) {
        Throwable cause = cause(exchange);
        String route = failedRoute(exchange);
        String reason = cause.getClass().getSimpleName();
        metrics.routeFailed(route, reason);
        log(route, reason, cause, "left to its source to redeliver");
    }

    private void log(String route, String reason, Throwable cause, String outcome) {
        long now = System.nanoTime();
        long[] state = logged.computeIfAbsent(route + "/" + reason, k -> new long[] {now - LOG_EVERY_NANOS, 0});
        long suppressed;
        synchronized (state) {
            if (now - state[0] < LOG_EVERY_NANOS) {
                state[1]++;
                return;
            }
            suppressed = state[1];
            state[0] = now;
            state[1] = 0;
        }
        LOG.log(Level.WARNING, "Route " + route + " failed (" + reason + ": " + cause.getMessage() + "); " + outcome
                + (suppressed == 0 ? "" : " (" + suppressed + " more such failures in the last minute, counted"
                + " at /metrics as beacon_route_failures_total)"), cause);
    }

    private static Throwable cause(Exchange exchange) {
        Throwable caught = exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, Throwable.class);
        if (caught == null) {
            caught = exchange.getException();
        }
        while (caught instanceof RuntimeCamelException && caught.getCause() != null) {
            caught = caught.getCause();
        }
        return caught == null ? new IllegalStateException("failed without an exception") : caught;
    }

    private static String failedRoute(Exchange exchange) {
        String route = exchange.getProperty(ExchangePropertyKey.FAILURE_ROUTE_ID, String.class);
        return route != null ? route : exchange.getFromRouteId();
    }
}
