package io.beacon.process.application;

import io.beacon.platform.domain.Actor;
import java.util.List;

/** Users' work in the processes: implemented by the process engine (workflows). */
public interface TaskInbox {
    /** The caller's open tasks: assigned to them, or offered to them or to a group or role they are in. */
    List<OpenTask> openTasks(Actor actor);

    /** One open task the caller may work; 404 when there is none, 403 when it is not theirs. */
    OpenTask task(Actor actor, String taskId);

    /** Takes a task offered to several people; 409 when someone else holds it. */
    OpenTask claim(Actor actor, String taskId);

    /**
     * Completes a task. An approval task needs {@code approved} (true/false) and, for a rejection,
     * a comment with the reason; other tasks take neither.
     */
    void complete(Actor actor, String taskId, Boolean approved, String comment);
}
