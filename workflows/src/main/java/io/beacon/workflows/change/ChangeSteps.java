package io.beacon.workflows.change;

import static io.beacon.workflows.ProcessVariables.*;

import io.beacon.change.application.ApprovalDecision;
import io.beacon.change.application.ApprovalDecision.Approval;
import io.beacon.change.application.ApprovalDecision.Approvers;
import io.beacon.change.application.ApproverPool;
import io.beacon.change.application.ApproverSlot;
import io.beacon.change.application.ChangeService;
import io.beacon.change.domain.Change;
import io.beacon.change.domain.ChangeOutcome;
import io.beacon.change.domain.ChangeStatus;
import io.beacon.change.domain.ApprovalRule;
import io.beacon.change.ChangeSettings;
import io.beacon.platform.domain.Actor;
import io.beacon.process.application.ProcessNotifications;
import io.beacon.sla.application.BusinessCalendars;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** The steps change-management.bpmn calls; each hands over to the change service and sets the variables the flow reads. */
@ApplicationScoped
@Named("changeSteps")
public class ChangeSteps {
    @Inject
    ChangeService changes;

    @Inject
    ApproverPool pool;

    @Inject
    ChangeSettings settings;

    @Inject
    ApprovalDecision approvals;

    @Inject
    BusinessCalendars calendars;

    @Inject
    ProcessNotifications notifications;

    @Inject
    Clock clock;

    public void assess(DelegateExecution execution) {
        changes.assess(changeId(execution));
        execution.setVariable(APPROVALS, 0);
        execution.setVariable(REJECTIONS, 0);
    }

    /** Normal changes: the approvers and the rule that the changeApproval decision gives for the change's type and risk. */
    public void cabApprovers(DelegateExecution execution) {
        seatApprovers(execution);
    }

    /** Emergency changes: likewise (by default, one seat that any emergency approver or substitute may take). */
    public void emergencyApprovers(DelegateExecution execution) {
        seatApprovers(execution);
    }

    /** CAB: one seat per member; emergency approvers: one shared seat; nobody: no seat and nothing required. */
    private void seatApprovers(DelegateExecution execution) {
        Change change = changes.find(String.valueOf(changeId(execution)));
        Approval approval = approvals.approval(change.getType(), change.getRisk());
        if (approval.rule() == ApprovalRule.NONE || approval.approvers() == Approvers.NOBODY) {
            seats(execution, List.of(), 0);
        } else if (approval.approvers() == Approvers.EMERGENCY) {
            emergencySeat(execution, change, approval.rule());
        } else {
            List<ApproverSlot> slots = pool.slots(change, settings.approverGroup(), clock.instant());
            seats(execution, slots.stream().map(ApproverSlot::candidateList).toList(),
                    approval.rule().required(slots.size()));
        }
    }

    private void emergencySeat(DelegateExecution execution, Change change, ApprovalRule rule) {
        List<String> candidates = new ArrayList<>();
        for (ApproverSlot slot : pool.slots(change, settings.emergencyGroup(), clock.instant())) {
            slot.candidates().stream().filter(c -> !candidates.contains(c)).forEach(candidates::add);
        }
        seats(execution, candidates.isEmpty() ? List.of() : List.of(String.join(",", candidates)), rule.required(1));
    }

    private void seats(DelegateExecution execution, List<String> seats, int required) {
        // A string, not a list: no Java serialization of variables (seats ';'-separated, candidates ',').
        execution.setVariable(APPROVER_SEATS, String.join(";", seats));
        execution.setVariable(APPROVER_COUNT, seats.size());
        execution.setVariable(REQUIRED_APPROVALS, required);
        Instant now = clock.instant();
        execution.setVariable(REMINDER_AT, calendars.working().plus(now, Duration.ofHours(settings.reminderHours())).toString());
        execution.setVariable(ESCALATE_AT, calendars.working().plus(now, Duration.ofHours(settings.escalationHours())).toString());
    }

    public void status(DelegateExecution execution, String status) {
        changes.moveTo(changeId(execution), ChangeStatus.fromCode("status", status), null, Actor.SYSTEM.username());
    }

    /**
     * Closes the change after its review and hands its outcome to the outcome gateway: the one its requester
     * recorded when closing it, or successful when the review task was completed without one (the inbox).
     */
    public void close(DelegateExecution execution) {
        long id = changeId(execution);
        Change change = changes.moveTo(id, ChangeStatus.CLOSED, null, Actor.SYSTEM.username());
        ChangeOutcome outcome = change == null || change.getOutcome() == null ? ChangeOutcome.SUCCESSFUL
                : change.getOutcome();
        execution.setVariable(OUTCOME, outcome.code());
    }

    /** Counts a completed approval task's decision (the decision itself was recorded, four eyes checked, before). */
    public void count(DelegateTask task) {
        boolean approved = Boolean.TRUE.equals(task.getVariable(APPROVED));
        String counter = approved ? APPROVALS : REJECTIONS;
        task.getExecution().setVariable(counter, ((Number) task.getVariable(counter)).intValue() + 1);
    }

    /** The change was revised under approval: its decisions so far no longer count (the diagram loops back). */
    public void withdrawDecisions(DelegateExecution execution) {
        changes.restartApproval(changeId(execution), (String) execution.getVariable(REVISED_BY));
    }

    public void reject(DelegateExecution execution) {
        long id = changeId(execution);
        changes.moveTo(id, ChangeStatus.REJECTED, changes.rejectionReason(id), Actor.SYSTEM.username());
    }

    public void remind(DelegateExecution execution) {
        List<String> approvers = openSeatHolders(execution);
        changes.note(changeId(execution), "reminder", "approval reminder to " + approvers);
        notifications.notify(approvers, "Reminder: " + execution.getVariable(CHANGE_KEY) + " awaits your approval",
                String.valueOf(execution.getVariable(TITLE)));
    }

    public void escalate(DelegateExecution execution) {
        List<String> approvers = openSeatHolders(execution);
        Change change = changes.find(String.valueOf(changeId(execution)));
        changes.note(changeId(execution), "escalation", "approval overdue; escalated to the requester and " + approvers);
        List<String> to = new ArrayList<>(approvers);
        to.add(change.getRequester());
        notifications.notify(to, "Escalation: " + change.getKey() + " is still not approved", change.getTitle());
    }

    /** The seats of {@code approverSeats}, as the multi-instance approval task iterates them. */
    public List<String> seatsOf(String approverSeats) {
        return approverSeats == null || approverSeats.isBlank() ? List.of() : List.of(approverSeats.split(";"));
    }

    private List<String> openSeatHolders(DelegateExecution execution) {
        return seatsOf((String) execution.getVariable(APPROVER_SEATS)).stream()
                .flatMap(s -> Arrays.stream(s.split(","))).distinct().toList();
    }

    private static long changeId(DelegateExecution execution) {
        return ((Number) execution.getVariable(CHANGE_ID)).longValue();
    }
}
