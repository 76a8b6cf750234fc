package io.beacon.correlation.domain;

import io.beacon.correlation.domain.Decision.OpenIncident;
import io.beacon.platform.domain.SystemText;

/**
 * Fires when nothing else explains an alarm (no planned work under way, no root cause upstream, no
 * recently resolved incident of its own): {@link OpenIncident}, naming the change it outlived (from
 * {@link PlannedWorkEndedRule}) or the suspect change (from {@link SuspectChangeRule}).
 */
final class NewIncidentRule {

    Decision open(TrackedAlarm alarm, SystemText because, String outlivedChange, String suspectChange) {
        SystemText reason;
        if (outlivedChange != null) {
            reason = Wording.reason(because, "sys.reason.outlived", alarm.label + " outlived the window of " + outlivedChange
                    + ", which may have failed", "alarm", alarm.label, "change", outlivedChange);
        } else if (suspectChange != null) {
            reason = Wording.reason(because, "sys.reason.suspect", alarm.label + "; suspected cause: " + suspectChange
                    + ", which ended shortly before", "alarm", alarm.label, "change", suspectChange);
        } else {
            reason = Wording.reason(because, "sys.reason.newIncident", alarm.label, "alarm", alarm.label);
        }
        return new OpenIncident(alarm.alarmId, outlivedChange, suspectChange, reason);
    }
}
