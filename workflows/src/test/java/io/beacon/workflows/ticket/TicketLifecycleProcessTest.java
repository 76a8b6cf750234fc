package io.beacon.workflows.ticket;

import static io.beacon.workflows.ProcessVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.beacon.platform.domain.Actor;
import io.beacon.sla.SlaSettings;
import io.beacon.sla.application.SlaService;
import io.beacon.sla.domain.BusinessCalendar;
import io.beacon.sla.domain.SlaTarget;
import io.beacon.sla.domain.TicketSla;
import io.beacon.sla.domain.TicketSlas;
import io.beacon.ticket.application.TicketChanges;
import io.beacon.ticket.application.TicketService;
import io.beacon.ticket.domain.Ticket;
import io.beacon.workflows.engine.InMemoryEngine;
import io.beacon.workflows.engine.ProcessEngineRuntime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every path of ticket-lifecycle.bpmn on an in-memory engine: the real {@link TicketSteps} and
 * {@link TicketSla} rules over an in-memory SLA store, a 24×7 calendar (P1), the clock moved with ClockUtil.
 */
class TicketLifecycleProcessTest {
    private static final Instant START = Instant.parse("2026-11-24T01:00:00Z");
    /** P1: 15 min response, 4 h resolution, near-breach at 80 %. */
    private static final SlaTarget P1 = new SlaTarget(Duration.ofMinutes(15), Duration.ofHours(4), true);
    /** P4: 8 h response, 5 days resolution (24×7 here too, to keep the arithmetic plain). */
    private static final SlaTarget P4 = new SlaTarget(Duration.ofHours(8), Duration.ofDays(5), true);

    static ProcessEngine engine;
    static final MemorySla sla = new MemorySla();
    static final List<String> closed = new ArrayList<>();

    @BeforeAll
    static void startEngine() {
        TicketSteps steps = new TicketSteps();
        steps.sla = sla;
        steps.settings = new SlaSettings() {
            @Override public Duration autoClose() { return Duration.ofDays(3); }
        };
        steps.clock = new Clock() {
            @Override public ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(ZoneId zone) { return this; }
            @Override public Instant instant() { return ClockUtil.getCurrentTime().toInstant(); }
        };
        steps.tickets = new TicketService() {
            @Override
            public Ticket change(Actor actor, String idOrKey, TicketChanges in) {
                closed.add(idOrKey + " by " + actor.username() + " to " + in.status());
                return null;
            }
        };
        engine = InMemoryEngine.start("ticket-process-test", Map.of("ticketSteps", steps));
        BpmnAwareTests.init(engine);
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @BeforeEach
    void reset() {
        engine.getRuntimeService().createProcessInstanceQuery().list()
                .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "next test"));
        ClockUtil.setCurrentTime(Date.from(START));
        sla.clocks.clear();
        sla.unwatched.clear();
        sla.escalations.clear();
        sla.priorities.clear();
        closed.clear();
    }

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    private static long nextId = 1;

    private ProcessInstance open() {
        long id = nextId++;
        return engine.getRuntimeService().startProcessInstanceByKey(TicketProcessBridge.PROCESS, "INC-" + id,
                Map.of(TICKET_ID, id, TICKET_KEY, "INC-" + id, TITLE, "INC-" + id));
    }

    private static long id(ProcessInstance pi) {
        return Long.parseLong(pi.getBusinessKey().substring(4));
    }

    private void message(ProcessInstance pi, String name) {
        engine.getRuntimeService().createMessageCorrelation(name).processInstanceBusinessKey(pi.getBusinessKey())
                .correlateAllWithResult();
    }

    private void at(Instant t) {
        ClockUtil.setCurrentTime(Date.from(t));
        for (Job job : engine.getManagementService().createJobQuery().executable().list()) {
            engine.getManagementService().executeJob(job.getId());
        }
    }

    private Instant timerDue(ProcessInstance pi) {
        return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult()
                .getDuedate().toInstant();
    }

    @Test
    void theDiagramOfANewTicketShowsItOpenWithTheStartAndTheSlaStartDone() {
        ProcessInstance pi = open();
        var diagram = new io.beacon.workflows.task.CamundaProcessDiagrams().of(engine, TicketProcessBridge.PROCESS,
                pi.getBusinessKey());
        assertThat(diagram.active()).containsExactly("working");
        assertThat(diagram.completed()).containsExactly("opened", "startSla");
        assertThat(diagram.ended()).isFalse();
        assertThat(diagram.xml()).contains("<bpmndi:BPMNShape").contains("bpmnElement=\"working\"");

        message(pi, MSG_CLOSED);
        var closed = new io.beacon.workflows.task.CamundaProcessDiagrams().of(engine, TicketProcessBridge.PROCESS,
                pi.getBusinessKey());
        assertThat(closed.ended()).isTrue();
        assertThat(closed.active()).isEmpty();
        assertThat(closed.completed()).contains("opened", "startSla", "working", "closedWhileOpen", "done");
    }

    @Test
    void anIncidentStartsItsSlaAndWaitsForNearBreach() {
        ProcessInstance pi = open();
        assertThat(pi).isWaitingAt("working");
        // 80 % of 15 minutes
        assertThat(timerDue(pi)).isEqualTo(START.plus(Duration.ofMinutes(12)));
    }

    @Test
    void nearBreachThenBreachEscalateOnceEach() {
        ProcessInstance pi = open();
        at(START.plus(Duration.ofMinutes(12)));
        assertThat(sla.escalations).containsExactly(id(pi) + ":RESPONSE_AT_RISK");
        assertThat(timerDue(pi)).isEqualTo(START.plus(Duration.ofMinutes(15)));
        at(START.plus(Duration.ofMinutes(15)));
        assertThat(sla.escalations).containsExactly(id(pi) + ":RESPONSE_AT_RISK", id(pi) + ":RESPONSE_BREACHED");
        assertThat(sla.clocks.get(id(pi)).isBreached()).isTrue();
        // the resolution clock is watched next: 80 % of 4 h
        assertThat(timerDue(pi)).isEqualTo(START.plus(Duration.ofMinutes(192)));
        assertThat(pi).isWaitingAt("working");
    }

    @Test
    void pendingPausesTheClocksAndResumingShiftsTheDueTimes() {
        ProcessInstance pi = open();
        sla.clocks.get(id(pi)).respond(START.plus(Duration.ofMinutes(5)));
        ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofMinutes(10))));
        message(pi, MSG_PENDING);
        assertThat(pi).isWaitingAt("paused");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(sla.clocks.get(id(pi)).isPaused()).isTrue();

        at(START.plus(Duration.ofHours(10))); // nothing fires while pending
        assertThat(sla.escalations).isEmpty();
        message(pi, MSG_RESUMED);
        TicketSla clock = sla.clocks.get(id(pi));
        assertThat(clock.isPaused()).isFalse();
        // paused 9 h 50 min: the resolution due time (4 h) moved by as much
        assertThat(clock.getResolutionDue()).isEqualTo(START.plus(Duration.ofHours(4)).plus(Duration.ofMinutes(590)));
        assertThat(timerDue(pi)).isEqualTo(START.plus(Duration.ofMinutes(192 + 590)));
        assertThat(pi).isWaitingAt("working");
    }

    @Test
    void aNewPriorityMovesTheSlaTimerWhileOpenAndWhilePending() {
        ProcessInstance pi = open();
        // lowered to P4 after 10 min: the near-breach moves from 12 min to 80 % of 8 h
        ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofMinutes(10))));
        sla.priorities.put(id(pi), "P4");
        message(pi, MSG_REPRIORITISED);
        assertThat(pi).isWaitingAt("working");
        assertThat(timerDue(pi)).isEqualTo(START.plus(Duration.ofMinutes(384)));
        at(START.plus(Duration.ofMinutes(20)));
        assertThat(sla.escalations).isEmpty();

        // raised to P1 again at 20 min: its response is already overdue, which is flagged at once
        sla.priorities.put(id(pi), "P1");
        message(pi, MSG_REPRIORITISED);
        assertThat(sla.escalations).containsExactly(id(pi) + ":RESPONSE_AT_RISK", id(pi) + ":RESPONSE_BREACHED");
        assertThat(timerDue(pi)).isEqualTo(START.plus(Duration.ofMinutes(192)));

        // while pending the clocks follow the new priority too, and the timer waits for work to resume
        message(pi, MSG_PENDING);
        sla.priorities.put(id(pi), "P4");
        message(pi, MSG_REPRIORITISED);
        assertThat(pi).isWaitingAt("paused");
        assertThat(sla.clocks.get(id(pi)).getResolutionDue()).isEqualTo(START.plus(Duration.ofDays(5)));
        message(pi, MSG_RESUMED);
        assertThat(pi).isWaitingAt("working");
        // nobody has answered yet: P4's response clock (its near-breach at 80 % of 8 h) is watched first
        assertThat(timerDue(pi)).isEqualTo(START.plus(Duration.ofMinutes(384)));
    }

    @Test
    void aResolvedTicketClosesItselfAfterTheQuietPeriod() {
        ProcessInstance pi = open();
        message(pi, MSG_RESOLVED);
        assertThat(pi).isWaitingAt("quiet");
        assertThat(sla.clocks.get(id(pi)).resolutionMet()).isTrue();
        at(START.plus(Duration.ofDays(3)).minusSeconds(1));
        assertThat(closed).isEmpty();
        at(START.plus(Duration.ofDays(3)));
        assertThat(closed).containsExactly(pi.getBusinessKey() + " by system to closed");
        assertThat(pi).isEnded().hasPassed("autoClose");
    }

    @Test
    void reopeningCancelsTheAutomaticClose() {
        ProcessInstance pi = open();
        message(pi, MSG_RESOLVED);
        message(pi, MSG_REOPENED);
        assertThat(pi).isWaitingAt("working").hasPassed("reopenSla");
        at(START.plus(Duration.ofDays(4)));
        assertThat(closed).isEmpty();
        assertThat(sla.escalations).contains(id(pi) + ":RESOLUTION_BREACHED");
    }

    @Test
    void closingByHandEndsTheProcessFromEveryState() {
        ProcessInstance open = open();
        message(open, MSG_CLOSED);
        assertThat(open).isEnded().hasPassed("closedWhileOpen");
        ProcessInstance pending = open();
        message(pending, MSG_PENDING);
        message(pending, MSG_CLOSED);
        assertThat(pending).isEnded().hasPassed("closedWhilePending");
        ProcessInstance resolved = open();
        message(resolved, MSG_PENDING);
        message(resolved, MSG_RESOLVED);
        message(resolved, MSG_CLOSED);
        assertThat(resolved).isEnded().hasPassed("resolvedWhilePending", "closedByHand");
        assertThat(closed).isEmpty();
    }

    /**
     * An incident Beacon opened from an alarm gets its process just after its ticket commits; by then the
     * ticket may have moved on (an alarm that cleared at once resolved it). The late start catches up.
     */
    @Test
    void aProcessStartedLateCatchesUpWithWhereItsTicketIs() {
        TicketProcessCatchUp catchUp = new TicketProcessCatchUp();
        catchUp.runtime = new ProcessEngineRuntime() {
            @Override
            public ProcessEngine engine() {
                return engine;
            }
        };
        catchUp.sla = sla;
        sla.unwatched.put(901L, "new");
        sla.unwatched.put(902L, "assigned");
        sla.unwatched.put(903L, "pending");
        sla.unwatched.put(904L, "resolved");
        sla.unwatched.put(905L, "closed");

        assertThat(catchUp.startAll(List.of(901L, 902L, 903L, 904L, 905L, 906L))).isEqualTo(5); // 906: none to start
        assertThat(instance("INC-901")).isWaitingAt("working");
        assertThat(sla.clocks.get(901L).getRespondedAt()).isNull();
        assertThat(instance("INC-902")).isWaitingAt("working");
        assertThat(sla.clocks.get(902L).getRespondedAt()).isEqualTo(START);
        assertThat(instance("INC-903")).isWaitingAt("paused");
        assertThat(sla.clocks.get(903L).isPaused()).isTrue();
        assertThat(instance("INC-904")).isWaitingAt("quiet");
        assertThat(sla.clocks.get(904L).resolutionMet()).isTrue();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey("INC-905")
                .singleResult().getState()).isEqualTo("COMPLETED");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("INC-906").count())
                .isZero();

        // Once started, a ticket is not started again (a second late start, an adoption at start-up).
        assertThat(catchUp.startAll(List.of(901L))).isZero();
    }

    private static ProcessInstance instance(String key) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult();
    }

    /** SLA service over memory: the real TicketSla rules, P1 on a 24×7 calendar. */
    static final class MemorySla extends SlaService {
        final Map<Long, TicketSla> clocks = new HashMap<>();
        /** Tickets without clocks, by id, with their status. */
        final Map<Long, String> unwatched = new HashMap<>();

        @Override
        public Optional<TicketSlas.Unwatched> unwatchedLocked(long ticketId) {
            String status = unwatched.get(ticketId);
            return status == null || clocks.containsKey(ticketId) ? Optional.empty()
                    : Optional.of(new TicketSlas.Unwatched(ticketId, "INC-" + ticketId, status));
        }

        @Override
        public void respond(long ticketId) {
            TicketSla s = clocks.get(ticketId);
            if (s != null) {
                s.respond(now());
            }
        }
        final List<String> escalations = new ArrayList<>();
        final BusinessCalendar calendar = BusinessCalendar.allHours(ZoneOffset.UTC);

        private Instant now() {
            return ClockUtil.getCurrentTime().toInstant();
        }

        @Override
        public TicketSla start(long ticketId) {
            return clocks.computeIfAbsent(ticketId, id -> TicketSla.start(id, "INC-" + id, "P1", P1, 80, calendar, now()));
        }

        @Override
        public Instant nextCheck(long ticketId) {
            return clocks.get(ticketId).nextCheck();
        }

        @Override
        public Instant check(long ticketId) {
            TicketSla s = clocks.get(ticketId);
            s.check(now()).forEach(e -> escalations.add(ticketId + ":" + e.name()));
            return s.nextCheck();
        }

        @Override
        public void pause(long ticketId) {
            clocks.get(ticketId).pause(now());
        }

        @Override
        public void resume(long ticketId) {
            clocks.get(ticketId).resume(now(), calendar);
        }

        @Override
        public void resolve(long ticketId) {
            clocks.get(ticketId).resolve(now(), calendar);
        }

        @Override
        public void reopen(long ticketId) {
            clocks.get(ticketId).reopen();
        }

        /** The tickets' priorities as the desk last set them (P1 unless said otherwise). */
        final Map<Long, String> priorities = new HashMap<>();

        @Override
        public Instant retarget(long ticketId) {
            String priority = priorities.getOrDefault(ticketId, "P1");
            clocks.get(ticketId).retarget(priority, "P4".equals(priority) ? P4 : P1, 80, calendar);
            return check(ticketId);
        }
    }
}
