package io.beacon.correlation.domain;

import io.beacon.correlation.domain.Decision.ReopenIncident;
import io.beacon.platform.domain.SystemText;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Fires when an alarm that would open an incident returns within the recurrence window after its
 * reduction key's incident was resolved (by a clear or by hand): {@link ReopenIncident}, the same
 * incident goes on instead of a new one.
 */
final class RecurrenceRule {
    private final CorrelationMemory memory;
    private final CorrelationRules rules;

    RecurrenceRule(CorrelationMemory memory, CorrelationRules rules) {
        this.memory = memory;
        this.rules = rules;
    }

    Optional<Decision> reopen(TrackedAlarm alarm, Instant now, SystemText because) {
        return memory.resolvedAt(alarm.key)
                .filter(resolved -> !now.isAfter(resolved.plus(rules.recurrence())))
                .map(resolved -> new ReopenIncident(alarm.alarmId, Wording.reason(because, "sys.reason.returned",
                        alarm.label + " returned " + Wording.minutes(Duration.between(resolved, now))
                        + " after its incident was resolved", "alarm", alarm.label,
                        "afterSeconds", Wording.secondsOf(Duration.between(resolved, now)))));
    }
}
