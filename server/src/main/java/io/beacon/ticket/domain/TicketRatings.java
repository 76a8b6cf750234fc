package io.beacon.ticket.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The requesters' ratings of resolutions. */
public interface TicketRatings {
    TicketRating add(TicketRating rating);

    /** The ticket's ratings, oldest first. */
    List<TicketRating> of(long ticketId);

    Optional<TicketRating> forResolution(long ticketId, Instant resolvedAt);
}
