package io.beacon.change.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a change stands: assessment → approval → scheduled → implementing → review → closed, or
 * rejected / cancelled. The change process moves it; these rules only refuse impossible steps.
 */
public enum ChangeStatus {
    ASSESSMENT, APPROVAL, SCHEDULED, IMPLEMENTING, REVIEW, CLOSED, REJECTED, CANCELLED;

    private Set<ChangeStatus> next;

    static {
        ASSESSMENT.next = EnumSet.of(APPROVAL, SCHEDULED, REJECTED, CANCELLED);
        APPROVAL.next = EnumSet.of(SCHEDULED, REJECTED, CANCELLED);
        SCHEDULED.next = EnumSet.of(IMPLEMENTING, CANCELLED);
        IMPLEMENTING.next = EnumSet.of(REVIEW);
        REVIEW.next = EnumSet.of(CLOSED);
        CLOSED.next = EnumSet.noneOf(ChangeStatus.class);
        REJECTED.next = EnumSet.noneOf(ChangeStatus.class);
        CANCELLED.next = EnumSet.noneOf(ChangeStatus.class);
    }

    public boolean canMoveTo(ChangeStatus target) {
        return next.contains(target);
    }

    public Set<ChangeStatus> successors() {
        return next.isEmpty() ? EnumSet.noneOf(ChangeStatus.class) : EnumSet.copyOf(next);
    }

    /** Approved and not yet done: its window blocks others (conflicts) and explains alarms (correlation). */
    public boolean isApproved() {
        return this == SCHEDULED || this == IMPLEMENTING;
    }

    public boolean isFinal() {
        return next.isEmpty();
    }

    public String code() {
        return Codes.code(this);
    }

    public static ChangeStatus fromCode(String field, String code) {
        return Codes.parse(ChangeStatus.class, field, code);
    }
}
