package io.beacon.change.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Approval rounds as a change's history tells them. A round ends when an edit of what was approved
 * withdraws the decisions given so far: a history line {@value #RESTARTED} whose old value names the
 * withdrawn decisions (none: nobody had decided yet) and whose new value names the round that starts.
 */
public final class ApprovalRounds {
    /** The history field of a restart of approval. */
    public static final String RESTARTED = "approvalRestarted";

    private ApprovalRounds() {}

    /** One approved field as it was when the approvers last decided, and as it is now. */
    public record Revision(String field, String oldValue, String newValue, String actor, Instant at) {}

    /**
     * Who rewrote what was approved (the requester, or an admin): four eyes puts them on the requester's
     * side, so they approve none of the change's rounds (lower-case names).
     */
    public static Set<String> revisers(List<ChangeHistoryEntry> history) {
        return history.stream().filter(h -> Change.APPROVED_FIELDS.contains(h.getField()))
                .map(h -> h.getActor().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** The round under way: 1 until the first restart, then one more per restart. */
    public static int current(List<ChangeHistoryEntry> history) {
        return 1 + (int) history.stream().filter(h -> RESTARTED.equals(h.getField())).count();
    }

    /**
     * What changed since the version the approvers last decided on: the approved fields edited since the
     * start of the last round in which anyone decided (without any decision yet: since the change was
     * submitted), one line per field from its value then to its value now, in the order they were first
     * edited. A field edited back to where it was is left out. Empty as long as approval never restarted.
     *
     * @param history the change's history, oldest first
     */
    public static List<Revision> revisions(List<ChangeHistoryEntry> history) {
        int lastRestart = -1;
        int from = 0;
        int roundStart = 0;
        for (int i = 0; i < history.size(); i++) {
            ChangeHistoryEntry h = history.get(i);
            if (RESTARTED.equals(h.getField())) {
                lastRestart = i;
                if (h.getOldValue() != null) {
                    from = roundStart; // someone decided on the version this round showed
                }
                roundStart = i + 1;
            }
        }
        if (lastRestart < 0) {
            return List.of();
        }
        Map<String, Revision> byField = new LinkedHashMap<>();
        for (ChangeHistoryEntry h : history.subList(from, history.size())) {
            if (!Change.APPROVED_FIELDS.contains(h.getField())) {
                continue;
            }
            Revision before = byField.get(h.getField());
            byField.put(h.getField(), new Revision(h.getField(), before == null ? h.getOldValue() : before.oldValue(),
                    h.getNewValue(), h.getActor(), h.getChangedAt()));
        }
        List<Revision> out = new ArrayList<>();
        byField.values().stream().filter(r -> !Objects.equals(r.oldValue(), r.newValue())).forEach(out::add);
        return out;
    }
}
