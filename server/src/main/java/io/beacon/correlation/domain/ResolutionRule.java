package io.beacon.correlation.domain;

import io.beacon.correlation.domain.Decision.ResolveIncident;
import io.beacon.platform.domain.SystemText;
import java.time.Instant;
import java.util.Optional;

/**
 * Fires when an alarm with an incident of its own clears and does not flap: {@link ResolveIncident}
 * (when the incident is still open), and the alarm is forgotten. Remembers when the incident was
 * resolved, by a clear or by hand, for {@link RecurrenceRule}.
 */
final class ResolutionRule {
    private final CorrelationMemory memory;

    ResolutionRule(CorrelationMemory memory) {
        this.memory = memory;
    }

    Optional<Decision> cleared(TrackedAlarm alarm, Instant now) {
        memory.forget(alarm);
        if (!alarm.incidentOpen) {
            return Optional.empty();
        }
        memory.resolved(alarm.key, now);
        return Optional.of(new ResolveIncident(alarm.alarmId,
                SystemText.of("sys.reason.cleared", alarm.label + " cleared", "alarm", alarm.label)));
    }

    /** Someone resolved the incident of {@code key} by hand. */
    void resolvedByHand(String key, Instant at) {
        TrackedAlarm alarm = memory.byKey(key);
        if (alarm != null && !alarm.active) {
            memory.forget(alarm);
        } else if (alarm != null) {
            alarm.incidentOpen = false;
        }
        memory.resolved(key, at);
    }
}
