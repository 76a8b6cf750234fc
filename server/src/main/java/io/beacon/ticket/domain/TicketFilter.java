package io.beacon.ticket.domain;

import java.util.Set;

/**
 * Which tickets a list shows; null or empty parts do not filter. {@code text} matches any part of
 * the title or description (Hangul compounds have no spaces, so word prefixes are not enough), or
 * the key exactly. {@code requesterUsername} restricts the list to one requester's tickets.
 * {@code slaStates} ({@code at_risk}, {@code breached}) keeps tickets whose SLA is in any of them;
 * {@code organisationId} keeps the tickets whose requester belongs to that organisation.
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
        Set<String> slaStates,
        Long organisationId) {

    public static final String SLA_AT_RISK = "at_risk";
    public static final String SLA_BREACHED = "breached";

    /** Without an organisation condition. */
    public TicketFilter(Set<TicketType> types, Set<TicketStatus> statuses, Set<Priority> priorities, Long ciId,
            String assigneeUsername, boolean unassigned, Long groupId, Set<Long> anyOfGroupIds, String text,
            String requesterUsername, Set<String> slaStates) {
        this(types, statuses, priorities, ciId, assigneeUsername, unassigned, groupId, anyOfGroupIds, text,
                requesterUsername, slaStates, null);
    }

    /** The same filter, only for the tickets of one organisation's people (null: any). */
    public TicketFilter ofOrganisation(Long organisation) {
        return new TicketFilter(types, statuses, priorities, ciId, assigneeUsername, unassigned, groupId, anyOfGroupIds,
                text, requesterUsername, slaStates, organisation);
    }

    /** Without an SLA condition. */
    public TicketFilter(Set<TicketType> types, Set<TicketStatus> statuses, Set<Priority> priorities, Long ciId,
            String assigneeUsername, boolean unassigned, Long groupId, Set<Long> anyOfGroupIds, String text,
            String requesterUsername) {
        this(types, statuses, priorities, ciId, assigneeUsername, unassigned, groupId, anyOfGroupIds, text,
                requesterUsername, null);
    }
}
