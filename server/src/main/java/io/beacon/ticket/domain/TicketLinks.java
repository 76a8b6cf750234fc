package io.beacon.ticket.domain;

import java.util.List;
import java.util.Optional;

/** The links between tickets, and the move of a merged duplicate's comments and files to its survivor. */
public interface TicketLinks {
    TicketLink add(TicketLink link);

    /** Every link that starts or ends at the ticket, oldest first. */
    List<TicketLink> of(long ticketId);

    Optional<TicketLink> byId(long id);

    /** The link between the two of this kind, in either direction. */
    Optional<TicketLink> between(long a, long b, LinkKind kind);

    void remove(TicketLink link);

    /** Moves every comment and attachment of {@code fromTicketId} to {@code toTicketId}; answers how many of each. */
    int[] moveActivity(long fromTicketId, long toTicketId);
}
