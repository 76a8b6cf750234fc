package io.beacon.change.application;

import io.beacon.change.domain.Change;
import io.beacon.change.domain.ChangeStatus;
import io.beacon.platform.domain.Actor;

/** The change-management process (BPMN, in workflows): it decides the flow, the service keeps the record. */
public interface ChangeProcess {
    /** Starts the process of a new change, in the caller's transaction. */
    void start(Change change);

    /** Asks the process to move the change to {@code target} (e.g. implementing): completes the step that leads there. */
    void advance(Change change, ChangeStatus target, Actor actor);

    /**
     * Tells the process that what was approved changed while the change awaits approval: the process
     * withdraws the decisions so far and starts approval again (409 when it awaits no approval).
     */
    void revise(Change change, String revisedBy);

    /** Ends the process of a cancelled change. */
    void cancel(Change change, String reason);

    /** How many approvals the approval under way needs, out of how many seats; null when none is under way. */
    default ApprovalTally tally(String businessKey) {
        return null;
    }

    /** Where the process of a change stands: its open activities and history. */
    ProcessState state(String businessKey);
}
