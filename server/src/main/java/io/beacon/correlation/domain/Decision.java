package io.beacon.correlation.domain;

import io.beacon.platform.domain.SystemText;

/**
 * What correlation decided about one alarm; the application carries it out (tickets, notes) and
 * records {@link #why()} on the alarm and on the incident's timeline, in each reader's language.
 */
public sealed interface Decision {
    long alarmId();

    /** Why, as a message key with arguments beside its English text. */
    SystemText why();

    /** Why, in English. */
    default String reason() {
        return why().text();
    }

    /**
     * Open an incident for the alarm.
     *
     * @param relatedChange a change whose window the alarm outlived (a failed change), or null
     * @param suspectChange a change on the CI (or what it depends on) that ended shortly before, or null
     */
    record OpenIncident(long alarmId, String relatedChange, String suspectChange, SystemText why) implements Decision {}

    /** The alarm is a symptom: attach it to the incident of {@code rootAlarmId}, open nothing. */
    record AttachSymptom(long alarmId, long rootAlarmId, SystemText why) implements Decision {}

    /** The alarm had an incident of its own, but its root cause arrived: move that incident into the root's. */
    record MergeIncident(long alarmId, long rootAlarmId, SystemText why) implements Decision {}

    /** Keep and show the alarm, page nobody. */
    record Suppress(long alarmId, Suppression suppression) implements Decision {
        @Override
        public SystemText why() {
            return suppression.why();
        }
    }

    /** The problem came back soon after its incident was resolved: reopen that incident. */
    record ReopenIncident(long alarmId, SystemText why) implements Decision {}

    /** The alarm flaps: annotate its incident, which stays open until the alarm is quiet. */
    record MarkFlapping(long alarmId, SystemText why) implements Decision {}

    /** The problem is over: resolve the incident the alarm raised. */
    record ResolveIncident(long alarmId, SystemText why) implements Decision {}
}
