package io.beacon.ticket.domain;

import java.util.Set;

/**
 * Which tickets a list shows; null or empty parts do not filter. {@code text} matches any part of
 * the title or description (Hangul compounds have no spaces, so word prefixes are not enough), or
 * the key exactly. {@code requesterUsername} restricts the list to one requester's tickets.
 */
public record TicketFilter(
        Set<TicketType> types,
        Set<TicketStatus> statuses,
        Set<Priority> priorities,
        Long ciId,
        String assigneeUsername,
        boolean unassigned,
        Long groupId,
        Set<Long> anyOfGroupIds,
        String text,
        String requesterUsername) {}
