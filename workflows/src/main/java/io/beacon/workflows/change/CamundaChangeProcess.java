package io.beacon.workflows.change;

import static io.beacon.workflows.ProcessVariables.*;

import io.beacon.change.application.ApprovalTally;
import io.beacon.change.application.ChangeProcess;
import io.beacon.change.application.ProcessState;
import io.beacon.change.domain.Change;
import io.beacon.change.domain.ChangeStatus;
import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.ConflictException;
import io.beacon.workflows.engine.ProcessEngineRuntime;
import io.beacon.workflows.task.CamundaTaskInbox;
import io.beacon.workflows.task.ProcessStates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** The change port on the engine: starts, advances and ends {@code change-management} instances (business key = CHG-n). */
@ApplicationScoped
public class CamundaChangeProcess implements ChangeProcess {
    public static final String PROCESS = "change-management";

    /** Which user task leads to which status. */
    static final Map<ChangeStatus, String> STEP_TO = Map.of(
            ChangeStatus.IMPLEMENTING, "startImplementation",
            ChangeStatus.REVIEW, "finishImplementation",
            ChangeStatus.CLOSED, "review");

    @Inject
    ProcessEngineRuntime runtime;

    @Inject
    CamundaTaskInbox inbox;

    @Override
    public void start(Change change) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(CHANGE_ID, change.getId());
        vars.put(CHANGE_KEY, change.getKey());
        vars.put(CHANGE_TYPE, change.getType().code());
        vars.put(TITLE, change.getTitle());
        vars.put(REQUESTER, change.getRequester());
        vars.put(IMPLEMENTER, change.getImplementer() != null ? change.getImplementer() : change.getRequester());
        runtime.engine().getRuntimeService().startProcessInstanceByKey(PROCESS, change.getKey(), vars);
    }

    @Override
    public void advance(Change change, ChangeStatus target, Actor actor) {
        String step = STEP_TO.get(target);
        Task task = step == null ? null : runtime.engine().getTaskService().createTaskQuery()
                .processDefinitionKey(PROCESS).processInstanceBusinessKey(change.getKey()).taskDefinitionKey(step)
                .singleResult();
        if (task == null) {
            throw new ConflictException("status", change.getKey() + " is " + change.getStatus().code()
                    + "; the process does not lead to " + target.code() + " from here");
        }
        inbox.complete(actor, task.getId(), null, null);
    }

    /** Correlates {@code changeRevised}: the diagram withdraws the decisions and goes back to assessment. */
    @Override
    public void revise(Change change, String revisedBy) {
        try {
            runtime.engine().getRuntimeService().createMessageCorrelation(MSG_CHANGE_REVISED)
                    .processInstanceBusinessKey(change.getKey())
                    .setVariable(REVISED_BY, revisedBy)
                    // what the new round reads: the type decides the path, the implementer never approves
                    .setVariable(CHANGE_TYPE, change.getType().code())
                    .setVariable(TITLE, change.getTitle())
                    .setVariable(IMPLEMENTER, change.getImplementer() != null ? change.getImplementer() : change.getRequester())
                    .correlate();
        } catch (MismatchingMessageCorrelationException e) {
            // e.g. an instance started under a diagram without the restart: refuse rather than keep stale approvals
            throw new ConflictException("status", change.getKey() + ": its approval cannot be restarted (its process"
                    + " does not wait for approval the way this version does); cancel it and raise a new change");
        } catch (OptimisticLockingException e) {
            throw new ConflictException("status", change.getKey()
                    + " was decided on at the same time; reload it and edit again");
        }
    }

    @Override
    public void cancel(Change change, String reason) {
        ProcessInstance instance = runtime.engine().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(PROCESS).processInstanceBusinessKey(change.getKey()).singleResult();
        if (instance != null) {
            runtime.engine().getRuntimeService().deleteProcessInstance(instance.getId(),
                    reason == null ? "cancelled" : reason, true, true);
        }
    }

    /** From the variables the approver seating set: required approvals and seats of the round under way. */
    @Override
    public ApprovalTally tally(String businessKey) {
        ProcessInstance instance = runtime.engine().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(PROCESS).processInstanceBusinessKey(businessKey).singleResult();
        if (instance == null) {
            return null;
        }
        Map<String, Object> vars = runtime.engine().getRuntimeService().getVariables(instance.getId(),
                java.util.List.of(REQUIRED_APPROVALS, APPROVER_COUNT));
        Object required = vars.get(REQUIRED_APPROVALS);
        Object seats = vars.get(APPROVER_COUNT);
        return required instanceof Number r && seats instanceof Number n ? new ApprovalTally(r.intValue(), n.intValue())
                : null;
    }

    @Override
    public ProcessState state(String businessKey) {
        return ProcessStates.of(runtime.engine(), PROCESS, businessKey);
    }
}
