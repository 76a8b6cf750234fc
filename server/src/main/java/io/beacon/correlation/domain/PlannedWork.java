package io.beacon.correlation.domain;

import java.time.Instant;
import java.util.Set;

/**
 * A period in which trouble on some CIs is expected: the window of an approved change, or one
 * occurrence of a maintenance window.
 *
 * @param ref the change key ({@code CHG-12}) or the maintenance window's id ({@code MW-3})
 */
public record PlannedWork(Kind kind, String ref, Set<Long> ciIds, Instant start, Instant end, String title) {

    public enum Kind { CHANGE, MAINTENANCE }

    public PlannedWork {
        ciIds = Set.copyOf(ciIds);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("planned work " + ref + " ends before it starts");
        }
    }

    public boolean covers(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    public Suppression.Kind suppressionKind() {
        return kind == Kind.CHANGE ? Suppression.Kind.CHANGE : Suppression.Kind.MAINTENANCE;
    }
}
