package io.beacon.workflows.ticket;

import static io.beacon.workflows.ProcessVariables.*;

import io.beacon.platform.domain.Actor;
import io.beacon.sla.SlaSettings;
import io.beacon.sla.application.SlaService;
import io.beacon.ticket.application.TicketChanges;
import io.beacon.ticket.application.TicketService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The steps ticket-lifecycle.bpmn calls: SLA bookkeeping and the automatic close. */
@ApplicationScoped
@Named("ticketSteps")
public class TicketSteps {
    /** The SLA timer's date once nothing is left to watch: the process then only waits for messages. */
    static final String NEVER = "2999-01-01T00:00:00Z";

    @Inject
    SlaService sla;

    @Inject
    TicketService tickets;

    @Inject
    SlaSettings settings;

    @Inject
    Clock clock;

    public void startSla(DelegateExecution execution) {
        sla.start(ticketId(execution));
        next(execution, sla.nextCheck(ticketId(execution)));
    }

    public void checkSla(DelegateExecution execution) {
        next(execution, sla.check(ticketId(execution)));
    }

    public void pauseSla(DelegateExecution execution) {
        sla.pause(ticketId(execution));
    }

    public void resumeSla(DelegateExecution execution) {
        sla.resume(ticketId(execution));
        next(execution, sla.check(ticketId(execution)));
    }

    /** The priority changed: the clocks follow its targets (also while pending, for when work resumes). */
    public void retargetSla(DelegateExecution execution) {
        next(execution, sla.retarget(ticketId(execution)));
    }

    public void resolveSla(DelegateExecution execution) {
        sla.resolve(ticketId(execution));
        execution.setVariable(AUTO_CLOSE_AT, clock.instant().plus(settings.autoClose()).toString());
    }

    public void reopenSla(DelegateExecution execution) {
        sla.reopen(ticketId(execution));
        next(execution, sla.check(ticketId(execution)));
    }

    public void autoClose(DelegateExecution execution) {
        tickets.change(Actor.SYSTEM, String.valueOf(execution.getVariable(TICKET_KEY)), new TicketChanges(null, null, "closed", null, null, null, null,
                null, null, null, null, null));
    }

    private static void next(DelegateExecution execution, Instant at) {
        execution.setVariable(NEXT_SLA_CHECK, at == null ? NEVER : at.toString());
    }

    private static long ticketId(DelegateExecution execution) {
        return ((Number) execution.getVariable(TICKET_ID)).longValue();
    }
}
