package io.beacon.correlation.domain;

import io.beacon.correlation.domain.AlarmState.Role;
import java.time.Instant;

/**
 * What correlation remembers of one alarm while it matters, mutable: the rules change its role as
 * root causes arrive and clear. Lives in {@link CorrelationMemory}.
 */
final class TrackedAlarm {
    long alarmId;
    final String key;
    /** Changes only when the alarm is re-attributed to another CI ({@link CorrelationMemory#moveTo}). */
    Long ciId;
    final String label;
    Instant raisedAt;
    boolean active = true;
    Role role;
    Long rootAlarmId;
    PlannedWork work;
    boolean incidentOpen;
    boolean flapping;
    Instant clearedAt;

    TrackedAlarm(AlarmSignal s, Instant raisedAt) {
        this.alarmId = s.alarmId();
        this.key = s.reductionKey();
        this.ciId = s.ciId();
        this.label = s.label() == null ? s.reductionKey() : s.label();
        this.raisedAt = raisedAt;
    }

    boolean isSymptomOf(TrackedAlarm root) {
        return role == Role.SYMPTOM && Long.valueOf(root.alarmId).equals(rootAlarmId);
    }

    AlarmState state() {
        return new AlarmState(alarmId, key, ciId, label, raisedAt, active, role, rootAlarmId,
                work == null ? null : work.ref(), incidentOpen, flapping, clearedAt);
    }
}
