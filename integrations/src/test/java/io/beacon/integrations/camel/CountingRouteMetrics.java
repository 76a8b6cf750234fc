package io.beacon.integrations.camel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The route counters without a metric registry: what a test can read back. */
public final class CountingRouteMetrics extends RouteMetrics {
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    @Override
    public void routeFailed(String route, String reason) {
        counts.merge("failure " + route + " " + reason, 1, Integer::sum);
    }

    @Override
    public void deadLetterWritten() {
        counts.merge("dead letter written", 1, Integer::sum);
    }

    @Override
    public void deadLetterDropped() {
        counts.merge("dead letter dropped", 1, Integer::sum);
    }

    public int failures(String route, String reason) {
        return counts.getOrDefault("failure " + route + " " + reason, 0);
    }

    public int deadLettersWritten() {
        return counts.getOrDefault("dead letter written", 0);
    }

    public Map<String, Integer> all() {
        return Map.copyOf(counts);
    }
}
