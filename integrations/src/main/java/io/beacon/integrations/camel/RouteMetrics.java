package io.beacon.integrations.camel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The counters of the inbound routes' error policy, served at {@code /metrics}:
 * {@code beacon_route_failures_total{route=...,reason=...}} (an exchange failed a stage: the route
 * it failed in, the exception's simple class name) and {@code beacon_dead_letters_total{outcome=
 * written|dropped}} (a failed input kept in the dead-letter file, or lost because the writer was
 * behind or the file could not be written).
 */
@ApplicationScoped
public class RouteMetrics {
    @Inject
    MetricRegistry registry;

    private final Map<String, Counter> failures = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();

    public void routeFailed(String route, String reason) {
        failures.computeIfAbsent(route + "/" + reason, k -> registry.counter("beacon.route.failures",
                new Tag("route", route), new Tag("reason", reason))).inc();
    }

    public void deadLetterWritten() {
        deadLetter("written");
    }

    public void deadLetterDropped() {
        deadLetter("dropped");
    }

    private void deadLetter(String outcome) {
        deadLetters.computeIfAbsent(outcome, o -> registry.counter("beacon.dead.letters", new Tag("outcome", o))).inc();
    }
}
