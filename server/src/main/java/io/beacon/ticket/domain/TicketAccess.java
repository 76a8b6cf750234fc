package io.beacon.ticket.domain;

import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.Role;


/**
 * Who may see and do what with a ticket. The desk (agents, admins) works every ticket; approvers
 * read them; requesters see only their own tickets and never internal notes.
 */
public final class TicketAccess {
    private TicketAccess() {}

    public static boolean worksTickets(Actor actor) {
        return actor.has(Role.AGENT) || actor.has(Role.ADMIN);
    }

    public static boolean seesAllTickets(Actor actor) {
        return worksTickets(actor) || actor.has(Role.APPROVER);
    }

    public static boolean seesInternalNotes(Actor actor) {
        return seesAllTickets(actor);
    }

    public static boolean canView(Actor actor, Ticket ticket) {
        return seesAllTickets(actor) || ticket.isRequestedBy(actor.username());
    }

    public static boolean canComment(Actor actor, Ticket ticket, boolean internal) {
        return internal ? worksTickets(actor) : worksTickets(actor) || ticket.isRequestedBy(actor.username());
    }
}
