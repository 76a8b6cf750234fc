package io.beacon.correlation.domain;

import io.beacon.platform.domain.SystemText;
import java.util.ArrayList;
import java.util.List;

/**
 * Fires when a root cause clears while some of its symptoms are still active. It takes no decision
 * itself: it releases those symptoms, upstream first, to be decided again, each then becoming an
 * incident of its own ({@link Decision.OpenIncident}, or {@link Decision.ReopenIncident}) or a
 * symptom of another root still down ({@link Decision.AttachSymptom}).
 */
final class RootCauseClearedRule {
    private final CorrelationMemory memory;

    RootCauseClearedRule(CorrelationMemory memory) {
        this.memory = memory;
    }

    /** The still-active symptoms of {@code root}, no longer anyone's symptom, upstream first. */
    List<TrackedAlarm> release(TrackedAlarm root) {
        if (root.ciId == null) {
            return List.of();
        }
        List<TrackedAlarm> symptoms = new ArrayList<>();
        for (TrackedAlarm behind : memory.activeBehind(root.ciId)) {
            if (behind.isSymptomOf(root)) {
                symptoms.add(behind);
            }
        }
        symptoms.sort(memory.upstreamFirst());
        for (TrackedAlarm symptom : symptoms) {
            symptom.role = null;
            symptom.rootAlarmId = null;
        }
        return symptoms;
    }

    /** How the released symptoms' new reasons begin. */
    static SystemText because(TrackedAlarm root) {
        return SystemText.of("sys.reason.rootCleared", "root cause " + root.label + " cleared: ", "root", root.label);
    }
}
