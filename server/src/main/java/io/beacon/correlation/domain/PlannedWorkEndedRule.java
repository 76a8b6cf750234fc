package io.beacon.correlation.domain;

import io.beacon.correlation.domain.AlarmState.Role;
import io.beacon.platform.domain.SystemText;
import java.time.Instant;
import java.util.List;

/**
 * Fires at a tick for each alarm that planned work suppressed and that is still active when the
 * work ended. It takes no decision itself: it releases those alarms, upstream first (so that a CI
 * still down is the root of those behind it), to be decided again. After a change, that decision
 * skips {@link PlannedWorkRule} and, unless a root cause explains the alarm, is an
 * {@link Decision.OpenIncident} naming the change as {@code relatedChange}: a change that may have failed.
 */
final class PlannedWorkEndedRule {
    private final CorrelationMemory memory;

    PlannedWorkEndedRule(CorrelationMemory memory) {
        this.memory = memory;
    }

    /** An alarm that outlived {@code work}, released to be decided again. */
    record Outlived(TrackedAlarm alarm, PlannedWork work) {
        /** How the new decision's reason begins. */
        SystemText because() {
            return SystemText.of("sys.reason.workEnded", "still active when " + Wording.describe(work) + " ended at "
                    + work.end() + ": ", "workKind", Wording.kind(work), "work", Wording.named(work), "endAt", work.end());
        }

        /** The change the alarm outlived, or null after a maintenance window. */
        String failedChange() {
            return work.kind() == PlannedWork.Kind.CHANGE ? work.ref() : null;
        }
    }

    List<Outlived> release(Instant now) {
        List<TrackedAlarm> outlived = memory.tracked().stream()
                .filter(t -> t.active && t.role == Role.SUPPRESSED && t.work != null && !now.isBefore(t.work.end()))
                .sorted(memory.upstreamFirst()).toList();
        return outlived.stream().map(t -> {
            Outlived o = new Outlived(t, t.work);
            t.work = null;
            t.role = null;
            return o;
        }).toList();
    }
}
