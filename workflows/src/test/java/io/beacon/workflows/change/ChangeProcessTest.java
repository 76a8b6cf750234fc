package io.beacon.workflows.change;

import static io.beacon.workflows.ProcessVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.beacon.change.application.ApprovalDecision;
import io.beacon.change.application.ApprovalDecision.Approval;
import io.beacon.change.application.ApprovalDecision.Approvers;
import io.beacon.change.application.ApproverPool;
import io.beacon.change.application.ApproverSlot;
import io.beacon.change.application.ChangeService;
import io.beacon.change.domain.ApprovalRule;
import io.beacon.change.domain.Change;
import io.beacon.change.domain.ChangeOutcome;
import io.beacon.change.domain.ChangeStatus;
import io.beacon.change.domain.ChangeType;
import io.beacon.change.domain.Risk;
import io.beacon.change.ChangeSettings;
import io.beacon.sla.application.BusinessCalendars;
import io.beacon.sla.domain.BusinessCalendar;
import io.beacon.sla.domain.KoreanHolidays;
import io.beacon.workflows.decision.CamundaApprovalDecision;
import io.beacon.workflows.decision.DecisionTables;
import io.beacon.workflows.engine.InMemoryEngine;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every path of change-management.bpmn on an in-memory engine, with the real {@link ChangeSteps}
 * over a recording change service; timers are driven by moving Camunda's clock.
 */
class ChangeProcessTest {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    /** A Tuesday, 10:00 in Seoul. */
    private static final Instant START = ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, SEOUL).toInstant();

    static ProcessEngine engine;
    static final RecordingChanges changes = new RecordingChanges();
    static final FixedPool pool = new FixedPool();
    static final Settings settings = new Settings();
    static final Approvals approvals = new Approvals();

    @BeforeAll
    static void startEngine() {
        ChangeSteps steps = new ChangeSteps();
        steps.changes = changes;
        steps.pool = pool;
        steps.settings = settings;
        steps.approvals = approvals;
        steps.calendars = new Calendars();
        steps.notifications = (to, subject, text) -> changes.notes.add("notify " + to + ": " + subject);
        steps.clock = new Clock() {
            @Override public ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(ZoneId zone) { return this; }
            @Override public Instant instant() { return ClockUtil.getCurrentTime().toInstant(); }
        };
        engine = InMemoryEngine.start("change-process-test", Map.of("changeSteps", steps));
        approvals.table = new CamundaApprovalDecision(DecisionTables.on(engine));
        BpmnAwareTests.init(engine);
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @BeforeEach
    void reset() {
        ClockUtil.setCurrentTime(Date.from(START));
        changes.statuses.clear();
        changes.notes.clear();
        changes.current.clear();
        changes.restarts.clear();
        approvals.ruleOverride = null;
        approvals.override = null;
        pool.slots = List.of(new ApproverSlot("alice", List.of("alice")), new ApproverSlot("bob", List.of("bob", "carol")));
    }

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    private static long nextId = 1;

    private ProcessInstance start(ChangeType type, Risk risk) {
        long id = nextId++;
        Change change = new Change(id, type, "Patch the mail cluster", null, risk, START.plusSeconds(86400),
                START.plusSeconds(90000), "plan", "undo", "requester1", "implementer1", Set.of(), START);
        changes.current.put(id, change);
        Map<String, Object> vars = new HashMap<>();
        vars.put(CHANGE_ID, id);
        vars.put(CHANGE_KEY, change.getKey());
        vars.put(CHANGE_TYPE, type.code());
        vars.put(TITLE, change.getTitle());
        vars.put(REQUESTER, "requester1");
        vars.put(IMPLEMENTER, "implementer1");
        return engine.getRuntimeService().startProcessInstanceByKey(CamundaChangeProcess.PROCESS, change.getKey(), vars);
    }

    private List<Task> approvalTasks(ProcessInstance pi) {
        return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("approve")
                .orderByTaskCreateTime().asc().list();
    }

    private Task taskFor(ProcessInstance pi, String user) {
        return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskCandidateUser(user).singleResult();
    }

    private void decide(Task task, boolean approved) {
        engine.getTaskService().complete(task.getId(), Map.of(APPROVED, approved));
    }

    private List<String> statuses(ProcessInstance pi) {
        return changes.statuses.getOrDefault(((Number) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId()).variableName(CHANGE_ID).singleResult().getValue()).longValue(), List.of());
    }

    @Test
    void standardChangeIsScheduledWithoutApprovalAndRunsToClosed() {
        ProcessInstance pi = start(ChangeType.STANDARD, Risk.LOW);
        assertThat(pi).isWaitingAt("startImplementation").hasNotPassed("approve");
        assertThat(statuses(pi)).containsExactly("scheduled");
        assertThat(taskFor(pi, "implementer1").getName()).isEqualTo("Start implementing CHG-" + (nextId - 1) + ": Patch the mail cluster");
        engine.getTaskService().complete(taskFor(pi, "implementer1").getId());
        assertThat(pi).isWaitingAt("finishImplementation");
        engine.getTaskService().complete(taskFor(pi, "implementer1").getId());
        assertThat(pi).isWaitingAt("review");
        engine.getTaskService().complete(taskFor(pi, "requester1").getId());
        assertThat(pi).isEnded().hasPassed("close");
        assertThat(statuses(pi)).containsExactly("scheduled", "implementing", "review", "closed");
    }

    @Test
    void aStandardChangeClosedWithoutAnOutcomeEndsAsSuccessful() {
        ProcessInstance pi = start(ChangeType.STANDARD, Risk.LOW);
        runToReview(pi);
        engine.getTaskService().complete(taskFor(pi, "requester1").getId());
        assertThat(pi).isEnded().hasPassed("close", "outcomeOf", "closed").hasNotPassed("closedFailed", "closedBackedOut");
    }

    @Test
    void aFailedChangeEndsAtClosedFailed() {
        ProcessInstance pi = start(ChangeType.STANDARD, Risk.LOW);
        runToReview(pi);
        changes.current.get(changeIdOf(pi)).recordOutcome(ChangeOutcome.FAILED, START);
        engine.getTaskService().complete(taskFor(pi, "requester1").getId());
        assertThat(pi).isEnded().hasPassed("close", "outcomeOf", "closedFailed").hasNotPassed("closed", "closedBackedOut");
        assertThat(statuses(pi)).endsWith("review", "closed");
    }

    @Test
    void aBackedOutChangeAfterCabApprovalEndsAtClosedBackedOut() {
        ProcessInstance pi = start(ChangeType.NORMAL, Risk.MEDIUM);
        approvalTasks(pi).forEach(t -> decide(t, true));
        assertThat(pi).isWaitingAt("startImplementation").hasPassed("approve", "decided", "schedule");
        runToReview(pi);
        changes.current.get(changeIdOf(pi)).recordOutcome(ChangeOutcome.BACKED_OUT, START);
        engine.getTaskService().complete(taskFor(pi, "requester1").getId());
        assertThat(pi).isEnded().hasPassed("closedBackedOut").hasNotPassed("closed", "closedFailed");
        assertThat(statuses(pi)).containsExactly("approval", "scheduled", "implementing", "review", "closed");
    }

    private void runToReview(ProcessInstance pi) {
        engine.getTaskService().complete(taskFor(pi, "implementer1").getId());
        assertThat(pi).isWaitingAt("finishImplementation");
        engine.getTaskService().complete(taskFor(pi, "implementer1").getId());
        assertThat(pi).isWaitingAt("review");
    }

    @Test
    void normalChangeNeedsEveryApproverUnderRuleAll() {
        ProcessInstance pi = start(ChangeType.NORMAL, Risk.HIGH);
        assertThat(pi).isWaitingAt("approve");
        assertThat(statuses(pi)).containsExactly("approval");
        assertThat(approvalTasks(pi)).hasSize(2);
        decide(taskFor(pi, "alice"), true);
        assertThat(pi).isWaitingAt("approve");
        decide(taskFor(pi, "carol"), true); // bob's substitute takes his seat
        assertThat(pi).isWaitingAt("startImplementation");
        assertThat(statuses(pi)).containsExactly("approval", "scheduled");
    }

    @Test
    void theDiagramShowsTheApprovalDoneAndImplementationWaitingOnTheVersionTheChangeRuns() {
        ProcessInstance pi = start(ChangeType.NORMAL, Risk.HIGH);
        var diagrams = new io.beacon.workflows.task.CamundaProcessDiagrams();
        var waiting = diagrams.of(engine, CamundaChangeProcess.PROCESS, pi.getBusinessKey());
        assertThat(waiting.active()).containsExactly("approve");
        assertThat(waiting.completed()).doesNotContain("approve").contains(firstActivity());
        assertThat(waiting.xml()).contains("<bpmndi:BPMNDiagram").contains("id=\"approve\"");
        assertThat(waiting.version()).isEqualTo(engine.getRepositoryService().getProcessDefinition(pi.getProcessDefinitionId())
                .getVersion());

        decide(taskFor(pi, "alice"), true);
        decide(taskFor(pi, "carol"), true);
        var approved = diagrams.of(engine, CamundaChangeProcess.PROCESS, pi.getBusinessKey());
        assertThat(approved.active()).containsExactly("startImplementation");
        assertThat(approved.completed()).contains("approve").doesNotContain("startImplementation");
        assertThat(approved.ended()).isFalse();
    }

    /** The start event's id, read from the deployed model rather than assumed. */
    private String firstActivity() {
        return engine.getRepositoryService().getBpmnModelInstance(engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(CamundaChangeProcess.PROCESS).latestVersion().singleResult().getId())
                .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.StartEvent.class).iterator().next().getId();
    }

    @Test
    void oneRejectionRejectsUnderRuleAll() {
        ProcessInstance pi = start(ChangeType.NORMAL, Risk.MEDIUM);
        decide(taskFor(pi, "bob"), false);
        assertThat(pi).isEnded().hasPassed("reject").hasNotPassed("schedule");
        assertThat(statuses(pi)).containsExactly("approval", "rejected");
        assertThat(approvalTasks(pi)).isEmpty();
    }

    @Test
    void majorityDecidesWithoutWaitingForTheLastApprover() {
        approvals.ruleOverride = ApprovalRule.MAJORITY;
        pool.slots = List.of(new ApproverSlot("alice", List.of("alice")), new ApproverSlot("bob", List.of("bob")),
                new ApproverSlot("dave", List.of("dave")));
        ProcessInstance pi = start(ChangeType.NORMAL, Risk.HIGH);
        decide(taskFor(pi, "alice"), true);
        decide(taskFor(pi, "bob"), false);
        assertThat(pi).isWaitingAt("approve");
        decide(taskFor(pi, "dave"), true);
        assertThat(pi).isWaitingAt("startImplementation");

        ProcessInstance second = start(ChangeType.NORMAL, Risk.HIGH);
        decide(taskFor(second, "alice"), false);
        decide(taskFor(second, "bob"), false);
        assertThat(second).isEnded().hasPassed("reject"); // a majority can no longer be reached
        assertThat(approvalTasks(second)).isEmpty();
    }

    @Test
    void lowRiskChangesNeedAnyOneApproval() {
        ProcessInstance pi = start(ChangeType.NORMAL, Risk.LOW);
        decide(taskFor(pi, "alice"), true);
        assertThat(pi).isWaitingAt("startImplementation");
        assertThat(approvalTasks(pi)).isEmpty();
    }

    @Test
    void aTableThatAsksNobodyApprovesWithoutTasks() {
        approvals.override = new Approval(Approvers.NOBODY, ApprovalRule.NONE);
        ProcessInstance pi = start(ChangeType.NORMAL, Risk.LOW);
        assertThat(pi).isWaitingAt("startImplementation").hasPassed("findCab", "decided", "schedule")
                .hasNotPassed("reject");
        assertThat(statuses(pi)).containsExactly("approval", "scheduled");
    }

    @Test
    void aTableThatSendsNormalChangesToTheEmergencyApproversGivesThemOneSeat() {
        approvals.override = new Approval(Approvers.EMERGENCY, ApprovalRule.ONE);
        ProcessInstance pi = start(ChangeType.NORMAL, Risk.HIGH);
        assertThat(approvalTasks(pi)).singleElement()
                .satisfies(t -> assertThat(engine.getTaskService().getIdentityLinksForTask(t.getId()))
                        .extracting(l -> l.getUserId()).containsExactlyInAnyOrder("alice", "bob", "carol"));
        decide(taskFor(pi, "carol"), true);
        assertThat(pi).isWaitingAt("startImplementation");
    }

    @Test
    void emergencyChangeHasOneSeatForAnyEmergencyApprover() {
        ProcessInstance pi = start(ChangeType.EMERGENCY, Risk.HIGH);
        List<Task> tasks = approvalTasks(pi);
        assertThat(tasks).hasSize(1);
        assertThat(engine.getTaskService().getIdentityLinksForTask(tasks.get(0).getId()))
                .extracting(l -> l.getUserId()).containsExactlyInAnyOrder("alice", "bob", "carol");
        decide(tasks.get(0), true);
        assertThat(pi).isWaitingAt("startImplementation");
        engine.getTaskService().complete(taskFor(pi, "implementer1").getId());
        engine.getTaskService().complete(taskFor(pi, "implementer1").getId());
        assertThat(pi).isWaitingAt("review"); // post-implementation review is required
    }

    @Test
    void withoutEligibleApproversTheChangeIsRejected() {
        pool.slots = List.of();
        ProcessInstance pi = start(ChangeType.NORMAL, Risk.HIGH);
        assertThat(pi).isEnded().hasPassed("reject");
        assertThat(changes.reasons).containsValue("no eligible approver");
    }

    @Test
    void openApprovalsRemindAfterEightAndEscalateAfterSixteenBusinessHours() {
        ProcessInstance pi = start(ChangeType.NORMAL, Risk.HIGH);
        List<Job> timers = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .orderByJobDuedate().asc().list();
        assertThat(timers).hasSize(2);
        // Tuesday 10:00 + 8 business hours (09-18) = Tuesday 18:00; + 16 = Wednesday 17:00.
        assertThat(timers.get(0).getDuedate().toInstant())
                .isEqualTo(ZonedDateTime.of(2026, 11, 24, 18, 0, 0, 0, SEOUL).toInstant());
        assertThat(timers.get(1).getDuedate().toInstant())
                .isEqualTo(ZonedDateTime.of(2026, 11, 25, 17, 0, 0, 0, SEOUL).toInstant());

        ClockUtil.setCurrentTime(timers.get(0).getDuedate());
        executeDueJobs(pi);
        assertThat(changes.notes).anyMatch(n -> n.startsWith("reminder"));
        assertThat(changes.notes).noneMatch(n -> n.startsWith("escalation"));
        assertThat(pi).isWaitingAt("approve");

        ClockUtil.setCurrentTime(timers.get(1).getDuedate());
        executeDueJobs(pi);
        assertThat(changes.notes).anyMatch(n -> n.startsWith("escalation"));
        assertThat(pi).isWaitingAt("approve"); // escalation informs; the approvers still decide
    }

    private void revise(ProcessInstance pi, String by) {
        engine.getRuntimeService().createMessageCorrelation(MSG_CHANGE_REVISED).processInstanceId(pi.getId())
                .setVariable(REVISED_BY, by).correlate();
    }

    private long changeIdOf(ProcessInstance pi) {
        return ((Number) engine.getRuntimeService().getVariable(pi.getId(), CHANGE_ID)).longValue();
    }

    @Test
    void aRevisionWithdrawsTheDecisionsSoFarAndPutsTheChangeToEveryApproverAgain() {
        ProcessInstance pi = start(ChangeType.NORMAL, Risk.HIGH);
        Task alices = taskFor(pi, "alice");
        decide(alices, true);
        Task bobs = taskFor(pi, "bob");
        assertThat(approvalTasks(pi)).extracting(Task::getId).containsExactly(bobs.getId());

        revise(pi, "requester1");

        assertThat(pi).hasPassed("changeRevised", "withdrawDecisions").isWaitingAt("approve");
        assertThat(changes.restarts).containsExactly(changeIdOf(pi) + " by requester1");
        List<Task> again = approvalTasks(pi);
        assertThat(again).hasSize(2).extracting(Task::getId).doesNotContain(bobs.getId(), alices.getId());
        assertThat(again).extracting(t -> engine.getTaskService().getIdentityLinksForTask(t.getId()).get(0).getUserId())
                .containsExactlyInAnyOrder("alice", "bob");
        // alice's approval of the old version no longer counts: bob's alone does not schedule the change
        decide(taskFor(pi, "bob"), true);
        assertThat(pi).isWaitingAt("approve");
        decide(taskFor(pi, "alice"), true);
        assertThat(pi).isWaitingAt("startImplementation");
        assertThat(statuses(pi)).containsExactly("approval", "approval", "scheduled");
    }

    @Test
    void theNewRoundReadsTheRevisedChange() {
        ProcessInstance pi = start(ChangeType.NORMAL, Risk.HIGH);
        decide(taskFor(pi, "alice"), true);
        // the requester lowers the risk: under the low-risk rule (any) one approval of the new round is enough
        Change change = changes.current.get(changeIdOf(pi));
        change.rate(Risk.LOW, START);
        ClockUtil.setCurrentTime(Date.from(START.plusSeconds(3600)));
        revise(pi, "requester1");
        assertThat(approvalTasks(pi)).hasSize(2);
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), APPROVALS)).isEqualTo(0);
        // the reminder and escalation of the new round replace those of the old one (8 business hours from now)
        List<Job> timers = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .orderByJobDuedate().asc().list();
        assertThat(timers).hasSize(2);
        assertThat(timers.get(0).getDuedate().toInstant())
                .isEqualTo(ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, SEOUL).toInstant());
        decide(taskFor(pi, "carol"), true);
        assertThat(pi).isWaitingAt("startImplementation");
    }

    @Test
    void aRevisionAfterTheLastDecisionHasNothingToRestart() {
        ProcessInstance pi = start(ChangeType.NORMAL, Risk.LOW);
        decide(taskFor(pi, "alice"), true);
        assertThat(pi).isWaitingAt("startImplementation");
        assertThatThrownBy(() -> revise(pi, "requester1")).isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(changes.restarts).isEmpty();
    }

    private void executeDueJobs(ProcessInstance pi) {
        for (Job job : engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).executable().list()) {
            engine.getManagementService().executeJob(job.getId());
        }
    }

    /** The change service's side of the steps, recorded. */
    public static final class RecordingChanges extends ChangeService {
        final Map<Long, Change> current = new HashMap<>();
        final Map<Long, List<String>> statuses = new HashMap<>();
        final Map<Long, String> reasons = new HashMap<>();
        final List<String> notes = new ArrayList<>();
        final List<String> restarts = new ArrayList<>();

        @Override
        public void restartApproval(long changeId, String revisedBy) {
            restarts.add(changeId + " by " + revisedBy);
        }

        @Override
        public Change assess(long changeId) {
            return current.get(changeId);
        }

        @Override
        public Change find(String idOrKey) {
            return current.get(Long.parseLong(idOrKey));
        }

        @Override
        public Change moveTo(long changeId, ChangeStatus target, String reason, String actor) {
            statuses.computeIfAbsent(changeId, k -> new ArrayList<>()).add(target.code());
            if (reason != null) {
                reasons.put(changeId, reason);
            }
            return current.get(changeId);
        }

        @Override
        public String rejectionReason(long changeId) {
            return pool.slots.isEmpty() ? "no eligible approver" : "bob: too risky";
        }

        @Override
        public void note(long changeId, String field, String text) {
            notes.add(field + ": " + text);
        }
    }

    public static final class FixedPool extends ApproverPool {
        List<ApproverSlot> slots = List.of();

        @Override
        public List<ApproverSlot> slots(Change change, String groupName, Instant at) {
            return slots;
        }
    }

    /** The shipped changeApproval table, with the rule or the whole answer replaced where a test remodels it. */
    public static final class Approvals implements ApprovalDecision {
        ApprovalDecision table;
        ApprovalRule ruleOverride;
        Approval override;

        @Override
        public Approval approval(ChangeType type, Risk risk) {
            if (override != null) {
                return override;
            }
            Approval shipped = table.approval(type, risk);
            return ruleOverride == null ? shipped : new Approval(shipped.approvers(), ruleOverride);
        }
    }

    public static final class Settings extends ChangeSettings {
        @Override public String approverGroup() { return "CAB"; }
        @Override public String emergencyGroup() { return "CAB"; }
        @Override public int reminderHours() { return 8; }
        @Override public int escalationHours() { return 16; }
    }

    public static final class Calendars extends BusinessCalendars {
        private final BusinessCalendar calendar = BusinessCalendar.working(SEOUL,
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0),
                d -> KoreanHolidays.of(d.getYear()).containsKey(d));

        @Override
        public BusinessCalendar working() {
            return calendar;
        }
    }
}
