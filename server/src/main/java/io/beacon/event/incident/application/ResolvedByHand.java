package io.beacon.event.incident.application;

import io.beacon.correlation.application.CorrelationEngine;
import io.beacon.event.alarm.domain.Alarm;
import io.beacon.event.alarm.domain.Alarms;
import io.beacon.platform.domain.Actor;
import io.beacon.ticket.application.TicketActivity;
import io.beacon.ticket.domain.FieldChange;
import io.beacon.ticket.domain.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * An agent resolved or closed an incident that alarms raised: correlation learns it, so that the
 * problem returning soon reopens that incident instead of opening another.
 */
@ApplicationScoped
public class ResolvedByHand {
    @Inject
    Alarms alarms;

    @Inject
    CorrelationEngine correlation;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void onTicketActivity(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketActivity activity) {
        if (activity.kind() != TicketActivity.Kind.CHANGED || Actor.SYSTEM.username().equals(activity.actor())
                || activity.changes().stream().noneMatch(ResolvedByHand::endsIt)) {
            return;
        }
        for (Alarm alarm : alarms.byIncident(activity.ticketId())) {
            correlation.incidentResolved(alarm.getReductionKey(), activity.at());
        }
    }

    private static boolean endsIt(FieldChange c) {
        return "status".equals(c.field()) && (TicketStatus.RESOLVED.code().equals(c.newValue())
                || TicketStatus.CLOSED.code().equals(c.newValue()));
    }
}
