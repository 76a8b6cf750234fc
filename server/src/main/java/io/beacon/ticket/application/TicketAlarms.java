package io.beacon.ticket.application;

import java.util.List;

/** The port through which a ticket shows the monitoring alarms linked to it (the event area answers). */
public interface TicketAlarms {
    /** The alarms linked to a ticket, oldest first. */
    List<AlarmLink> of(long ticketId);

    /** An alarm as a ticket shows it. */
    record AlarmLink(long id, String name, String severity, String status, Long ciId) {}
}
