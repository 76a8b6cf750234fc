package io.beacon.ticket.domain;

import java.util.Map;

/**
 * A stand-in for the ticketPriority decision in domain tests: only the combinations they use, each named
 * (the shipped table itself is tested in workflows, DecisionTablesTest).
 */
public final class FixedPriorities {
    public static final PriorityMatrix MATRIX = FixedPriorities::of;

    private static final Map<String, Priority> CASES = Map.of(
            "high/high", Priority.P1, "high/medium", Priority.P2, "medium/medium", Priority.P3);

    private FixedPriorities() {}

    private static Priority of(Level impact, Level urgency) {
        Priority p = CASES.get(impact.code() + "/" + urgency.code());
        if (p == null) {
            throw new IllegalArgumentException("No test priority for " + impact + " x " + urgency);
        }
        return p;
    }
}
