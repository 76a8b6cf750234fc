package io.beacon.sla.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SLA clocks of tickets. */
public interface TicketSlas {
    void add(TicketSla sla);

    Optional<TicketSla> byTicket(long ticketId);

    Map<Long, TicketSla> byTickets(Collection<Long> ticketIds);

    /** Open incidents and service requests without SLA clocks (created before the process engine ran). */
    List<Unwatched> unwatched(int max);

    /** As {@link #unwatched(int)}, only those created before {@code createdBefore}. */
    List<Unwatched> unwatched(int max, Instant createdBefore);

    /**
     * The incident or service request without SLA clocks, locked against concurrent changes until the
     * transaction ends (so that no status change slips in while its clocks start); empty when it has
     * clocks already or does not exist.
     */
    Optional<Unwatched> unwatchedLocked(long ticketId);

    record Unwatched(long ticketId, String key, String status) {}

    /** Ids of tickets whose SLA is breached ({@code breached}) or at risk ({@code atRisk}). */
    List<Long> ticketIds(boolean atRisk, boolean breached);
}
