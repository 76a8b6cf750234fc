package io.beacon.event.incident.application;

import io.beacon.event.domain.Severity;
import java.util.Optional;

/** Port: the priority (P1..P4) of an incident opened from an alarm of this severity; empty: impact × urgency decide. */
public interface AlarmPriorityDecision {
    Optional<String> priority(Severity severity);
}
