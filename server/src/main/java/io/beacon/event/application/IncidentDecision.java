package io.beacon.event.application;

/**
 * What to do about an alarm that qualifies for an incident: open one, attach the alarm to an
 * existing incident (a root cause's, a change's), or hold it back with a reason.
 */
public record IncidentDecision(Action action, String ticketKey, String kind, String ref, String reason) {
    public enum Action { OPEN, ATTACH, SUPPRESS }

    public static IncidentDecision open() {
        return new IncidentDecision(Action.OPEN, null, null, null, null);
    }

    public static IncidentDecision attach(String ticketKey, String reason) {
        return new IncidentDecision(Action.ATTACH, ticketKey, null, null, reason);
    }

    /** {@code kind}: root_cause, change, maintenance or flapping; {@code ref}: what causes it (an alarm id, CHG-n). */
    public static IncidentDecision suppress(String kind, String ref, String reason) {
        return new IncidentDecision(Action.SUPPRESS, null, kind, ref, reason);
    }
}
