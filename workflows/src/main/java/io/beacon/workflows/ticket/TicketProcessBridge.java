package io.beacon.workflows.ticket;

import static io.beacon.workflows.ProcessVariables.*;

import io.beacon.platform.domain.Actor;
import io.beacon.sla.application.SlaService;
import io.beacon.ticket.application.TicketActivity;
import io.beacon.ticket.domain.FieldChange;
import io.beacon.workflows.engine.ProcessEngineRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;

/**
 * Feeds ticket activity into the ticket-lifecycle process, inside the transaction that changed the
 * ticket (a ticket update and its process step commit or roll back together): creation starts an
 * instance, status and priority changes become messages, the first agent action stops the response clock. The
 * incidents Beacon opens from alarms and the tickets it opens from mails are the exception: their
 * process starts just after their ticket commits ({@link LateProcessStarts}), so that a storm's
 * incidents appear at once and a full mailbox empties fast.
 */
@ApplicationScoped
public class TicketProcessBridge {
    public static final String PROCESS = "ticket-lifecycle";
    static final Set<String> WITH_LIFECYCLE = Set.of("incident", "service_request");

    @Inject
    ProcessEngineRuntime runtime;

    @Inject
    SlaService sla;

    @Inject
    LateProcessStarts lateStarts;

    private void start(long ticketId, String key) {
        runtime.engine().getRuntimeService().startProcessInstanceByKey(PROCESS, key,
                Map.of(TICKET_ID, ticketId, TICKET_KEY, key, TITLE, key));
    }

    void onActivity(@Observes TicketActivity activity) {
        if (!WITH_LIFECYCLE.contains(activity.type()) || !runtime.isStarted()) {
            return;
        }
        switch (activity.kind()) {
            case CREATED -> {
                if (Actor.SYSTEM.username().equals(activity.actor()) || activity.openedByMail()) {
                    // An incident from an alarm, a ticket from the mailbox: nobody waits on the call that opened
                    // it, which a full mailbox or a storm repeats hundreds of times (see LateProcessStarts).
                    lateStarts.afterCommit(activity.ticketId());
                    return;
                }
                start(activity.ticketId(), activity.key());
                if (!"new".equals(activity.status())) {
                    sla.respond(activity.ticketId());
                }
            }
            case CHANGED -> changed(activity);
            case COMMENTED -> {
                if (!activity.internal() && !activity.actor().equals("system")) {
                    respondIfStaff(activity);
                }
            }
            default -> { }
        }
    }

    private void changed(TicketActivity activity) {
        for (FieldChange c : activity.changes()) {
            if ("assignee".equals(c.field()) && c.newValue() != null) {
                sla.respond(activity.ticketId());
            }
            if ("priority".equals(c.field())) {
                correlate(MSG_REPRIORITISED, activity.key());
            }
            if (!"status".equals(c.field())) {
                continue;
            }
            String from = c.oldValue();
            String to = c.newValue();
            if ("assigned".equals(to) || "in_progress".equals(to)) {
                sla.respond(activity.ticketId());
            }
            String message = switch (to) {
                case "pending" -> MSG_PENDING;
                case "resolved" -> MSG_RESOLVED;
                case "closed" -> MSG_CLOSED;
                default -> "resolved".equals(from) ? MSG_REOPENED : "pending".equals(from) ? MSG_RESUMED : null;
            };
            if (message != null) {
                correlate(message, activity.key());
            }
        }
    }

    /** No instance waiting for it (a ticket from before the process existed, a resolved one) is fine. */
    private void correlate(String message, String ticketKey) {
        runtime.engine().getRuntimeService().createMessageCorrelation(message).processInstanceBusinessKey(ticketKey)
                .correlateAllWithResult();
    }

    /** A public answer counts as first response when the desk gives it (not the requester). */
    private void respondIfStaff(TicketActivity activity) {
        sla.respondByStaff(activity.ticketId(), activity.actor());
    }
}
