package io.beacon.workflows.ticket;

import static io.beacon.workflows.ProcessVariables.MSG_CLOSED;
import static io.beacon.workflows.ProcessVariables.MSG_PENDING;
import static io.beacon.workflows.ProcessVariables.MSG_RESOLVED;
import static io.beacon.workflows.ProcessVariables.TICKET_ID;
import static io.beacon.workflows.ProcessVariables.TICKET_KEY;
import static io.beacon.workflows.ProcessVariables.TITLE;

import io.beacon.sla.application.SlaService;
import io.beacon.sla.domain.TicketSlas;
import io.beacon.workflows.engine.ProcessEngineRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * Starts the lifecycle process of a ticket that has none yet and brings it to where the ticket
 * already is (responded to, pending, resolved, closed): for tickets opened before the engine ran
 * and for Beacon's own incidents, whose process starts just after their ticket commits.
 */
@ApplicationScoped
public class TicketProcessCatchUp {
    @Inject
    ProcessEngineRuntime runtime;

    @Inject
    SlaService sla;

    /** One transaction for these tickets; each is locked while its process starts, so no status change slips past. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int startAll(List<Long> ticketIds) {
        int started = 0;
        for (long id : ticketIds) {
            var unwatched = sla.unwatchedLocked(id);
            if (unwatched.isPresent()) {
                catchUp(unwatched.get());
                started++;
            }
        }
        return started;
    }

    void catchUp(TicketSlas.Unwatched t) {
        runtime.engine().getRuntimeService().startProcessInstanceByKey(TicketProcessBridge.PROCESS, t.key(),
                Map.of(TICKET_ID, t.ticketId(), TICKET_KEY, t.key(), TITLE, t.key()));
        if (!"new".equals(t.status())) {
            sla.respond(t.ticketId());
        }
        switch (t.status()) {
            case "pending" -> correlate(MSG_PENDING, t.key());
            case "resolved" -> correlate(MSG_RESOLVED, t.key());
            case "closed" -> {
                correlate(MSG_RESOLVED, t.key());
                correlate(MSG_CLOSED, t.key());
            }
            default -> { }
        }
    }

    private void correlate(String message, String key) {
        runtime.engine().getRuntimeService().createMessageCorrelation(message).processInstanceBusinessKey(key)
                .correlateAllWithResult();
    }
}
