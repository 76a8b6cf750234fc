package io.beacon.correlation.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Approved changes and maintenance windows by CI, in memory, so that correlation asks no database
 * per event. Immutable: the application builds a new one when a change or window changes.
 */
public final class PlannedWorkIndex {
    private static final PlannedWorkIndex EMPTY = new PlannedWorkIndex(List.of());

    private final List<PlannedWork> all;
    private final Map<Long, List<PlannedWork>> byCi = new HashMap<>();

    public PlannedWorkIndex(Collection<PlannedWork> work) {
        this.all = List.copyOf(work);
        for (PlannedWork w : all) {
            for (Long ci : w.ciIds()) {
                byCi.computeIfAbsent(ci, k -> new ArrayList<>()).add(w);
            }
        }
    }

    public static PlannedWorkIndex empty() {
        return EMPTY;
    }

    /**
     * The planned work under way at {@code t} on any of {@code cis}; a change wins over a
     * maintenance window (it names who caused the trouble), then the one that ends last.
     */
    public Optional<PlannedWork> covering(Set<Long> cis, Instant t) {
        return candidates(cis).stream().filter(w -> w.covers(t))
                .max(Comparator.comparing((PlannedWork w) -> w.kind() == PlannedWork.Kind.CHANGE)
                        .thenComparing(PlannedWork::end));
    }

    /** The change on any of {@code cis} that ended most recently, no longer than {@code within} before {@code t}. */
    public Optional<PlannedWork> changeEndedBefore(Set<Long> cis, Instant t, Duration within) {
        Instant from = t.minus(within);
        return candidates(cis).stream()
                .filter(w -> w.kind() == PlannedWork.Kind.CHANGE && !w.end().isAfter(t) && !w.end().isBefore(from))
                .max(Comparator.comparing(PlannedWork::end));
    }

    public Optional<PlannedWork> byRef(String ref) {
        return all.stream().filter(w -> w.ref().equals(ref)).findFirst();
    }

    public int size() {
        return all.size();
    }

    private List<PlannedWork> candidates(Set<Long> cis) {
        List<PlannedWork> out = new ArrayList<>();
        for (Long ci : cis) {
            out.addAll(byCi.getOrDefault(ci, List.of()));
        }
        return out;
    }
}
