package io.beacon.correlation.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * The tunable windows of correlation.
 *
 * @param symptomWindow   how long after a dependant's alarm a root cause may still arrive and absorb
 *                        the dependant's incident (the other order, root first, needs no window: while
 *                        the root is down everything behind it is a symptom)
 * @param flapTransitions how many problem/clear returns within {@code flapWindow} make an alarm flap
 * @param flapWindow      the window in which returns are counted
 * @param flapQuiet       how long a flapping alarm must stay clear before its incident is resolved
 * @param recurrence      a problem returning this soon after its incident was resolved reopens it
 * @param suspectWindow   an incident starting this soon after a change on its CI ended names the change
 */
public record CorrelationRules(Duration symptomWindow, int flapTransitions, Duration flapWindow, Duration flapQuiet,
        Duration recurrence, Duration suspectWindow) {

    public CorrelationRules {
        Objects.requireNonNull(symptomWindow);
        Objects.requireNonNull(flapWindow);
        Objects.requireNonNull(flapQuiet);
        Objects.requireNonNull(recurrence);
        Objects.requireNonNull(suspectWindow);
        if (flapTransitions < 1) {
            throw new IllegalArgumentException("flapTransitions must be at least 1");
        }
    }

    public static CorrelationRules defaults() {
        return new CorrelationRules(Duration.ofMinutes(5), 3, Duration.ofMinutes(30), Duration.ofMinutes(15),
                Duration.ofHours(1), Duration.ofHours(4));
    }
}
