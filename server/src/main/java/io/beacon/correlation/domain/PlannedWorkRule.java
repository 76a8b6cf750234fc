package io.beacon.correlation.domain;

import io.beacon.correlation.domain.AlarmState.Role;
import io.beacon.correlation.domain.Decision.Suppress;
import io.beacon.platform.domain.SystemText;
import java.time.Instant;
import java.util.Optional;

/**
 * Fires when an approved change or a maintenance window is under way on the alarm's CI or on a CI
 * it depends on (a change wins over a window): {@link Suppress}, the alarm is kept and shown but
 * pages nobody until the work ends (then {@link PlannedWorkEndedRule} takes over).
 */
final class PlannedWorkRule {
    private final CorrelationMemory memory;

    PlannedWorkRule(CorrelationMemory memory) {
        this.memory = memory;
    }

    Optional<Decision> suppress(TrackedAlarm alarm, Instant now, SystemText because) {
        Optional<PlannedWork> covering = memory.plannedWork.covering(memory.scopeOf(alarm), now);
        if (covering.isEmpty()) {
            return Optional.empty();
        }
        PlannedWork work = covering.get();
        alarm.role = Role.SUPPRESSED;
        alarm.work = work;
        boolean own = work.ciIds().contains(alarm.ciId);
        String where = own ? "" : " on a CI it depends on";
        return Optional.of(new Suppress(alarm.alarmId, new Suppression(work.suppressionKind(), work.ref(),
                Wording.reason(because, own ? "sys.reason.plannedWork" : "sys.reason.plannedWorkUpstream",
                        alarm.label + " falls inside " + Wording.describe(work) + where + " (until " + work.end() + ")",
                        "alarm", alarm.label, "workKind", Wording.kind(work), "work", Wording.named(work),
                        "untilAt", work.end()))));
    }
}
