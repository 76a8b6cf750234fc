package io.beacon.correlation.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Fires when an incident opens within the suspect window after an approved change on the alarm's
 * CI, or on a CI it depends on, ended: the {@link Decision.OpenIncident} names the change that ended
 * last as {@code suspectChange}.
 */
final class SuspectChangeRule {
    private final CorrelationMemory memory;
    private final CorrelationRules rules;

    SuspectChangeRule(CorrelationMemory memory, CorrelationRules rules) {
        this.memory = memory;
        this.rules = rules;
    }

    /** The suspected change's key, or null. */
    String suspectFor(TrackedAlarm alarm, Instant now) {
        return memory.plannedWork.changeEndedBefore(memory.scopeOf(alarm), now, rules.suspectWindow())
                .map(PlannedWork::ref).orElse(null);
    }
}
