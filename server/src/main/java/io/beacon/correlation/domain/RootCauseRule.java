package io.beacon.correlation.domain;

import io.beacon.correlation.domain.AlarmState.Role;
import io.beacon.correlation.domain.Decision.AttachSymptom;
import io.beacon.platform.domain.SystemText;
import java.util.Optional;

/**
 * Fires when an active alarm with an incident of its own sits on a CI that the alarm's CI depends
 * on, to any depth (a symptom there counts through its root): {@link AttachSymptom} to the earliest
 * raised such root cause, no incident of its own.
 */
final class RootCauseRule {
    /** Longer symptom chains than this are a bug, not a topology: stop following them. */
    private static final int MAX_CHAIN = 64;

    private final CorrelationMemory memory;

    RootCauseRule(CorrelationMemory memory) {
        this.memory = memory;
    }

    Optional<Decision> attach(TrackedAlarm alarm, SystemText because) {
        if (alarm.ciId == null) {
            return Optional.empty();
        }
        TrackedAlarm root = null;
        for (Long ci : memory.upstream.of(alarm.ciId)) {
            for (TrackedAlarm candidate : memory.activeOn(ci)) {
                TrackedAlarm top = topOf(candidate);
                if (top != null && top != alarm && (root == null || top.raisedAt.isBefore(root.raisedAt))) {
                    root = top;
                }
            }
        }
        if (root == null) {
            return Optional.empty();
        }
        alarm.role = Role.SYMPTOM;
        alarm.rootAlarmId = root.alarmId;
        return Optional.of(new AttachSymptom(alarm.alarmId, root.alarmId, Wording.reason(because, "sys.reason.symptom",
                alarm.label + " is behind " + root.label + " (alarm " + root.alarmId + "), the root cause",
                "alarm", alarm.label, "root", root.label, "rootAlarm", root.alarmId)));
    }

    /** The active incident at the top of {@code candidate}'s symptom chain, or null. */
    private TrackedAlarm topOf(TrackedAlarm candidate) {
        TrackedAlarm top = candidate;
        for (int depth = 0; top != null && top.role == Role.SYMPTOM && depth < MAX_CHAIN; depth++) {
            top = memory.byAlarmId(top.rootAlarmId);
        }
        return top != null && top.active && top.role == Role.INCIDENT ? top : null;
    }
}
