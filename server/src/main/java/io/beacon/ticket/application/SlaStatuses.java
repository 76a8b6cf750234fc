package io.beacon.ticket.application;

import java.util.Optional;

/** Where a ticket's SLA status comes from: the sla area keeps the clocks and implements this port. */
public interface SlaStatuses {
    /** Empty while the ticket has no SLA clock (yet). */
    Optional<SlaStatus> status(long ticketId);
}
