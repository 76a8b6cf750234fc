package io.beacon.process.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A process instance drawn where it stands: the BPMN XML (with diagram interchange) of the very definition
 * version the instance runs, the activities it waits in now ({@code active}), the ones it went through
 * ({@code completed}, never also active), and whether it has ended. Activity ids are the diagram's element ids.
 */
public record ProcessDiagram(String processKey, int version, String xml, List<String> active, List<String> completed,
        boolean ended) {

    /** The engine adds this to the id of a multi-instance activity's body; the diagram knows only the activity. */
    static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

    public ProcessDiagram {
        active = List.copyOf(active);
        completed = List.copyOf(completed);
    }

    /** The BPMN element type of a gateway that waits for the first of several events. */
    static final String EVENT_BASED_GATEWAY = "eventBasedGateway";

    /**
     * One pass of the instance through an activity, as the engine's history keeps it: the activity's id, its
     * BPMN element type ({@code userTask}, {@code eventBasedGateway}, ...), whether it finished, and whether it
     * finished by being cancelled.
     */
    public record ActivityRun(String activityId, String type, boolean finished, boolean canceled) {}

    /**
     * The diagram of an instance from its history and its open activities. An activity counts as completed
     * when one of its runs finished without being cancelled (a task withdrawn by an interrupting event, or
     * by a cancelled change, was not done); one the instance waits in again (a loop) shows only as active.
     * An event-based gateway is always left by cancellation (the event that fired ends its wait): it counts as
     * passed when a later run followed it, and not when the instance was ended while it waited. An ended
     * instance has no active activity. Order: {@code runs} in the order they started; each id comes once.
     */
    public static ProcessDiagram of(String processKey, int version, String xml, List<ActivityRun> runs,
            Collection<String> activeIds, boolean ended) {
        Set<String> active = new LinkedHashSet<>();
        if (!ended) {
            for (String id : activeIds) {
                if (id != null) {
                    active.add(diagramId(id));
                }
            }
        }
        Set<String> completed = new LinkedHashSet<>();
        for (int i = 0; i < runs.size(); i++) {
            ActivityRun run = runs.get(i);
            boolean passed = run.finished() && (!run.canceled()
                    || EVENT_BASED_GATEWAY.equals(run.type()) && i < runs.size() - 1);
            if (run.activityId() != null && passed) {
                String id = diagramId(run.activityId());
                if (!active.contains(id)) {
                    completed.add(id);
                }
            }
        }
        return new ProcessDiagram(processKey, version, xml, new ArrayList<>(active), new ArrayList<>(completed), ended);
    }

    private static String diagramId(String activityId) {
        return activityId.endsWith(MULTI_INSTANCE_BODY)
                ? activityId.substring(0, activityId.length() - MULTI_INSTANCE_BODY.length()) : activityId;
    }
}
