package io.beacon.sla.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SLA clocks of tickets. */
public interface TicketSlas {
    void add(TicketSla sla);

    Optional<TicketSla> byTicket(long ticketId);

    Map<Long, TicketSla> byTickets(Collection<Long> ticketIds);

    /** Ids of tickets whose SLA is breached ({@code breached}) or at risk ({@code atRisk}). */
    List<Long> ticketIds(boolean atRisk, boolean breached);
}
