package io.beacon.event.incident.application;

import io.beacon.event.alarm.domain.Alarms;
import io.beacon.ticket.application.TicketAlarms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Answers a ticket's alarms: those whose incident it is. */
@ApplicationScoped
public class AlarmsOfTickets implements TicketAlarms {
    @Inject
    Alarms alarms;

    @Override
    public List<AlarmLink> of(long ticketId) {
        return alarms.byIncident(ticketId).stream().map(a -> new AlarmLink(a.getId(), a.getName(),
                a.getSeverity().code(), a.getStatus().code(), a.getCiId())).toList();
    }
}
