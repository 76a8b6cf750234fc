package io.beacon.event.incident.application;

import io.beacon.event.alarm.application.AlarmWriter;
import io.beacon.platform.domain.Actor;
import io.beacon.ticket.application.TicketActivity;
import io.beacon.ticket.domain.FieldChange;
import io.beacon.ticket.domain.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * An agent resolved or closed an incident that alarms raised: correlation learns it, so that the
 * problem returning soon reopens that incident instead of opening another. Learnt on the alarm
 * writer's thread, in order with what correlation decides there.
 */
@ApplicationScoped
public class ResolvedByHand {
    @Inject
    AlarmWriter writer;

    @Inject
    IncidentActions actions;

    void onTicketActivity(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketActivity activity) {
        if (activity.kind() != TicketActivity.Kind.CHANGED || Actor.SYSTEM.username().equals(activity.actor())
                || activity.changes().stream().noneMatch(ResolvedByHand::endsIt)) {
            return;
        }
        writer.submit(() -> actions.resolvedByHand(activity.ticketId(), activity.at()));
    }

    private static boolean endsIt(FieldChange c) {
        return "status".equals(c.field()) && (TicketStatus.RESOLVED.code().equals(c.newValue())
                || TicketStatus.CLOSED.code().equals(c.newValue()));
    }
}
