package io.beacon.correlation.domain;

import io.beacon.correlation.domain.AlarmState.Role;
import io.beacon.correlation.domain.Decision.MarkFlapping;
import io.beacon.correlation.domain.Decision.ResolveIncident;
import io.beacon.platform.domain.SystemText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fires when an alarm's reduction key is raised more than {@code flapTransitions} times within
 * {@code flapWindow}: {@link MarkFlapping} on its incident, once. While it flaps a clear does not
 * resolve the incident and a return continues it (no decision); once the alarm has stayed clear for
 * {@code flapQuiet}, a tick takes {@link ResolveIncident}.
 */
final class FlappingRule {
    private final CorrelationMemory memory;
    private final CorrelationRules rules;

    FlappingRule(CorrelationMemory memory, CorrelationRules rules) {
        this.memory = memory;
        this.rules = rules;
    }

    /** Remembers a raise of {@code key}; true when the key now flaps. */
    boolean raised(String key, Instant now) {
        memory.recordRaise(key, now);
        return flaps(key, now);
    }

    /** After a new alarm was decided: marks its incident when the key flaps. */
    Optional<Decision> markIfFlapping(TrackedAlarm alarm, boolean flaps) {
        if (!flaps || alarm.role != Role.INCIDENT) {
            return Optional.empty();
        }
        alarm.flapping = true;
        return Optional.of(new MarkFlapping(alarm.alarmId, reason(alarm)));
    }

    /** A cleared alarm whose incident a flap kept open returns (as {@code alarmId}): the same incident goes on. */
    Optional<Decision> returned(TrackedAlarm alarm, long alarmId) {
        memory.reactivate(alarm, alarmId);
        if (alarm.flapping) {
            return Optional.empty();
        }
        alarm.flapping = true;
        return Optional.of(new MarkFlapping(alarm.alarmId, reason(alarm)));
    }

    /** Whether the clear of {@code alarm} leaves its incident open because it flaps. */
    boolean keepsOpen(TrackedAlarm alarm, Instant now) {
        if (alarm.incidentOpen && (alarm.flapping || flaps(alarm.key, now))) {
            alarm.flapping = true;
            return true;
        }
        return false;
    }

    /** Resolves the incidents of flapping alarms that have been clear for {@code flapQuiet}. */
    List<Decision> quietened(Instant now) {
        List<Decision> out = new ArrayList<>();
        for (TrackedAlarm t : List.copyOf(memory.tracked())) {
            if (!t.active && t.flapping && !now.isBefore(t.clearedAt.plus(rules.flapQuiet()))) {
                out.add(new ResolveIncident(t.alarmId, SystemText.of("sys.reason.quiet", t.label + " has been quiet for "
                        + Wording.minutes(rules.flapQuiet()) + " after flapping", "alarm", t.label,
                        "quietSeconds", Wording.secondsOf(rules.flapQuiet()))));
                memory.resolved(t.key, now);
                memory.forget(t);
            }
        }
        return out;
    }

    private boolean flaps(String key, Instant now) {
        return memory.raisesSince(key, now.minus(rules.flapWindow())) > rules.flapTransitions();
    }

    private SystemText reason(TrackedAlarm alarm) {
        return SystemText.of("sys.reason.flapping", alarm.label + " is flapping (raised more than " + rules.flapTransitions()
                + " times within " + Wording.minutes(rules.flapWindow()) + "): its incident stays open until it has been quiet for "
                + Wording.minutes(rules.flapQuiet()), "alarm", alarm.label, "transitions", rules.flapTransitions(),
                "windowSeconds", Wording.secondsOf(rules.flapWindow()), "quietSeconds", Wording.secondsOf(rules.flapQuiet()));
    }
}
