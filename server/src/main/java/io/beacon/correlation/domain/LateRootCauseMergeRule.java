package io.beacon.correlation.domain;

import io.beacon.correlation.domain.AlarmState.Role;
import io.beacon.correlation.domain.Decision.AttachSymptom;
import io.beacon.correlation.domain.Decision.MergeIncident;
import io.beacon.platform.domain.SystemText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Fires when an alarm gets an incident while alarms on CIs depending on it, raised within the
 * symptom window, have incidents of their own: the root cause arrived late. Each such dependant
 * gets {@link MergeIncident} into the root's incident, and the dependant's own symptoms an
 * {@link AttachSymptom} to the new root, so the end state does not depend on arrival order.
 */
final class LateRootCauseMergeRule {
    private final CorrelationMemory memory;
    private final CorrelationRules rules;

    LateRootCauseMergeRule(CorrelationMemory memory, CorrelationRules rules) {
        this.memory = memory;
        this.rules = rules;
    }

    List<Decision> absorbDependants(TrackedAlarm root, Instant now) {
        if (root.ciId == null) {
            return List.of();
        }
        List<Decision> out = new ArrayList<>();
        Instant since = now.minus(rules.symptomWindow());
        List<TrackedAlarm> behind = memory.activeBehind(root.ciId);
        for (TrackedAlarm dependant : behind) {
            if (dependant.role == Role.INCIDENT && !dependant.raisedAt.isBefore(since)) {
                dependant.role = Role.SYMPTOM;
                dependant.rootAlarmId = root.alarmId;
                dependant.incidentOpen = false;
                Duration later = Duration.between(dependant.raisedAt, now);
                out.add(new MergeIncident(dependant.alarmId, root.alarmId, SystemText.of("sys.reason.lateRoot",
                        dependant.label + " is behind " + root.label + " (alarm " + root.alarmId + "), which arrived "
                        + Wording.seconds(later) + " later: its incident is merged into the root cause's",
                        "alarm", dependant.label, "root", root.label, "rootAlarm", root.alarmId, "laterSeconds", later.toSeconds())));
                for (TrackedAlarm symptom : behind) {
                    if (symptom.isSymptomOf(dependant)) {
                        symptom.rootAlarmId = root.alarmId;
                        out.add(new AttachSymptom(symptom.alarmId, root.alarmId, SystemText.of("sys.reason.symptomOf",
                                symptom.label + " is behind " + root.label + " (alarm " + root.alarmId + "), the root cause of "
                                + dependant.label, "alarm", symptom.label, "root", root.label, "rootAlarm", root.alarmId,
                                "dependant", dependant.label)));
                    }
                }
            }
        }
        return out;
    }
}
