package io.beacon.workflows.task;

import static io.beacon.workflows.ProcessVariables.*;

import io.beacon.change.application.ApproverPool;
import io.beacon.change.application.ChangeQueries;
import io.beacon.change.application.ChangeService;
import io.beacon.identity.domain.Groups;
import io.beacon.identity.domain.UserGroup;
import io.beacon.identity.domain.Users;
import io.beacon.platform.domain.AccessDeniedException;
import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.ConflictException;
import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.NotFoundException;
import io.beacon.platform.domain.Role;
import io.beacon.process.application.OpenTask;
import io.beacon.process.application.TaskInbox;
import io.beacon.workflows.engine.ProcessEngineRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * The task inbox on Camunda's task service. Candidates are Beacon user names (candidate users) and
 * Beacon group names or role codes (candidate groups); Camunda's own identity tables stay unused.
 */
@ApplicationScoped
public class CamundaTaskInbox implements TaskInbox {
    /** The approval user task of change-management.bpmn. */
    static final String APPROVAL_TASK = "approve";

    @Inject
    ProcessEngineRuntime runtime;

    @Inject
    ChangeService changes;

    @Inject
    ChangeQueries changeQueries;

    @Inject
    Users users;

    @Inject
    Groups groups;

    @Override
    public List<OpenTask> openTasks(Actor actor) {
        List<String> groupsOf = groupsOf(actor);
        var query = tasks().createTaskQuery().active().or().taskAssignee(actor.username())
                .taskCandidateUser(actor.username());
        if (!groupsOf.isEmpty()) {
            query = query.taskCandidateGroupIn(groupsOf);
        }
        List<Task> found = query.endOr().orderByTaskCreateTime().asc().listPage(0, 500);
        boolean decides = ApproverPool.mayDecide(actor.roles());
        return found.stream().filter(t -> mayWork(actor, t))
                .filter(t -> decides || !APPROVAL_TASK.equals(t.getTaskDefinitionKey())).map(this::view).toList();
    }

    @Override
    public OpenTask task(Actor actor, String taskId) {
        return view(workable(actor, taskId));
    }

    @Override
    public OpenTask claim(Actor actor, String taskId) {
        Task task = workable(actor, taskId);
        if (task.getAssignee() != null && !task.getAssignee().equals(actor.username())) {
            throw new ConflictException("assignee", "task " + taskId + " is held by " + task.getAssignee());
        }
        tasks().claim(taskId, actor.username());
        return view(tasks().createTaskQuery().taskId(taskId).singleResult());
    }

    @Override
    public void complete(Actor actor, String taskId, Boolean approved, String comment) {
        Task task = workable(actor, taskId);
        if (task.getAssignee() != null && !task.getAssignee().equals(actor.username())) {
            throw new ConflictException("assignee", "task " + taskId + " is held by " + task.getAssignee());
        }
        if (APPROVAL_TASK.equals(task.getTaskDefinitionKey())) {
            if (approved == null) {
                throw new InvalidInputException("approved", "an approval task needs approved: true or false");
            }
            long changeId = ((Number) tasks().getVariable(taskId, CHANGE_ID)).longValue();
            String seat = (String) tasks().getVariable(taskId, SEAT); // the seat lives on the multi-instance execution
            String seatHolder = seat == null ? actor.username() : seat.split(",")[0];
            changes.decide(changeId, actor.username(), seatHolder, approved, comment);
            try {
                tasks().complete(taskId, Map.of(APPROVED, approved));
            } catch (OptimisticLockingException e) {
                // e.g. the requester revised the change at this moment: the round this task belonged to is over
                throw new ConflictException("task", "task " + taskId + " changed while you decided; reload and decide again");
            }
        } else {
            if (approved != null && !approved) {
                throw new InvalidInputException("approved", "only approval tasks can be rejected");
            }
            tasks().complete(taskId);
        }
    }

    private Task workable(Actor actor, String taskId) {
        Task task = tasks().createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new NotFoundException("task", taskId);
        }
        if (!mayWork(actor, task) && !(actor.has(Role.ADMIN) && !APPROVAL_TASK.equals(task.getTaskDefinitionKey()))) {
            throw new AccessDeniedException("task " + taskId + " is not offered to " + actor.username());
        }
        if (APPROVAL_TASK.equals(task.getTaskDefinitionKey()) && !ApproverPool.mayDecide(actor.roles())) {
            throw new AccessDeniedException(actor.username() + " does not hold the approver role and cannot decide"
                    + " changes, not even as a substitute");
        }
        return task;
    }

    private boolean mayWork(Actor actor, Task task) {
        if (actor.username().equals(task.getAssignee())) {
            return true;
        }
        List<String> groupsOf = groupsOf(actor);
        for (IdentityLink link : tasks().getIdentityLinksForTask(task.getId())) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (actor.username().equals(link.getUserId()) || (link.getGroupId() != null && groupsOf.contains(link.getGroupId()))) {
                return true;
            }
        }
        return false;
    }

    private OpenTask view(Task t) {
        List<String> candidateUsers = new ArrayList<>();
        List<String> candidateGroups = new ArrayList<>();
        for (IdentityLink link : tasks().getIdentityLinksForTask(t.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                if (link.getUserId() != null) {
                    candidateUsers.add(link.getUserId());
                } else if (link.getGroupId() != null) {
                    candidateGroups.add(link.getGroupId());
                }
            }
        }
        Map<String, Object> vars = tasks().getVariables(t.getId(), List.of(CHANGE_KEY, TICKET_KEY, TITLE, CHANGE_ID));
        String processKey = runtime.engine().getRepositoryService().getProcessDefinition(t.getProcessDefinitionId()).getKey();
        boolean approval = APPROVAL_TASK.equals(t.getTaskDefinitionKey());
        return new OpenTask(t.getId(), t.getName(), t.getTaskDefinitionKey(), processKey, (String) vars.get(CHANGE_KEY),
                (String) vars.get(TICKET_KEY), (String) vars.get(TITLE), t.getCreateTime().toInstant(),
                t.getDueDate() == null ? null : t.getDueDate().toInstant(), t.getAssignee(), candidateUsers,
                candidateGroups, approval,
                approval ? changeQueries.revisions(((Number) vars.get(CHANGE_ID)).longValue()) : null);
    }

    private List<String> groupsOf(Actor actor) {
        List<String> out = new ArrayList<>();
        actor.roles().forEach(r -> out.add(r.code()));
        users.byUsername(actor.username()).ifPresent(u -> groups.ofMember(u).stream().map(UserGroup::getName).forEach(out::add));
        return out;
    }

    private TaskService tasks() {
        return runtime.engine().getTaskService();
    }
}
