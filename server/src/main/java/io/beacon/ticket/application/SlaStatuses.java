package io.beacon.ticket.application;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Where a ticket's SLA status comes from: the sla area keeps the clocks and implements this port. */
public interface SlaStatuses {
    /** Empty while the ticket has no SLA clock (yet). */
    Optional<SlaStatus> status(long ticketId);

    /** The statuses of those of the tickets that have SLA clocks, in one read (a queue's page). */
    Map<Long, SlaStatus> statuses(Collection<Long> ticketIds);
}
