package io.beacon.correlation.domain;

import io.beacon.correlation.domain.Decision.OpenIncident;

/**
 * Fires when nothing else explains an alarm (no planned work under way, no root cause upstream, no
 * recently resolved incident of its own): {@link OpenIncident}, naming the change it outlived (from
 * {@link PlannedWorkEndedRule}) or the suspect change (from {@link SuspectChangeRule}).
 */
final class NewIncidentRule {

    Decision open(TrackedAlarm alarm, String because, String outlivedChange, String suspectChange) {
        String reason = because + alarm.label;
        if (outlivedChange != null) {
            reason += " outlived the window of " + outlivedChange + ", which may have failed";
        } else if (suspectChange != null) {
            reason += "; suspected cause: " + suspectChange + ", which ended shortly before";
        }
        return new OpenIncident(alarm.alarmId, outlivedChange, suspectChange, reason);
    }
}
