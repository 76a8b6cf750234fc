package io.beacon.change.domain;

import java.time.Instant;
import java.util.Set;

/** What a change list asks for; null means "any". {@code from}/{@code to} select changes whose window overlaps. */
public record ChangeFilter(Set<ChangeStatus> statuses, Set<ChangeType> types, Long ciId, Instant from, Instant to,
        String requester, String q) {
    public static ChangeFilter approvedOverlapping(Instant from, Instant to) {
        return new ChangeFilter(Set.of(ChangeStatus.SCHEDULED, ChangeStatus.IMPLEMENTING), null, null, from, to, null,
                null);
    }
}
