package io.beacon.ticket.domain;

import java.util.Set;

/**
 * Which tickets a list shows; null or empty parts do not filter. {@code text} matches any part of
 * the title or description (Hangul compounds have no spaces, so word prefixes are not enough), or
 * the key exactly. {@code requesterUsername} restricts the list to one requester's tickets.
 * {@code slaStates} ({@code at_risk}, {@code breached}) keeps tickets whose SLA is in any of them.
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
        String requesterUsername,
        Set<String> slaStates) {

    public static final String SLA_AT_RISK = "at_risk";
    public static final String SLA_BREACHED = "breached";

    /** Without an SLA condition. */
    public TicketFilter(Set<TicketType> types, Set<TicketStatus> statuses, Set<Priority> priorities, Long ciId,
            String assigneeUsername, boolean unassigned, Long groupId, Set<Long> anyOfGroupIds, String text,
            String requesterUsername) {
        this(types, statuses, priorities, ciId, assigneeUsername, unassigned, groupId, anyOfGroupIds, text,
                requesterUsername, null);
    }
}
