package io.beacon.correlation.domain;

/**
 * What correlation decided about one alarm; the application carries it out (tickets, notes) and
 * records {@link #reason()} on the alarm and on the incident's timeline.
 */
public sealed interface Decision {
    long alarmId();

    String reason();

    /**
     * Open an incident for the alarm.
     *
     * @param relatedChange a change whose window the alarm outlived (a failed change), or null
     * @param suspectChange a change on the CI (or what it depends on) that ended shortly before, or null
     */
    record OpenIncident(long alarmId, String relatedChange, String suspectChange, String reason) implements Decision {}

    /** The alarm is a symptom: attach it to the incident of {@code rootAlarmId}, open nothing. */
    record AttachSymptom(long alarmId, long rootAlarmId, String reason) implements Decision {}

    /** The alarm had an incident of its own, but its root cause arrived: move that incident into the root's. */
    record MergeIncident(long alarmId, long rootAlarmId, String reason) implements Decision {}

    /** Keep and show the alarm, page nobody. */
    record Suppress(long alarmId, Suppression suppression) implements Decision {
        @Override
        public String reason() {
            return suppression.reason();
        }
    }

    /** The problem came back soon after its incident was resolved: reopen that incident. */
    record ReopenIncident(long alarmId, String reason) implements Decision {}

    /** The alarm flaps: annotate its incident, which stays open until the alarm is quiet. */
    record MarkFlapping(long alarmId, String reason) implements Decision {}

    /** The problem is over: resolve the incident the alarm raised. */
    record ResolveIncident(long alarmId, String reason) implements Decision {}
}
