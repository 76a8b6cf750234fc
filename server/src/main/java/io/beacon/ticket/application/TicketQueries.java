package io.beacon.ticket.application;

import io.beacon.cmdb.domain.ConfigurationItems;
import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.NotFoundException;
import io.beacon.platform.domain.Page;
import io.beacon.platform.domain.PageRequest;
import io.beacon.ticket.domain.Ticket;
import io.beacon.ticket.domain.TicketAccess;
import io.beacon.ticket.domain.TicketAttachment;
import io.beacon.ticket.domain.TicketFilter;
import io.beacon.ticket.domain.TicketSort;
import io.beacon.ticket.domain.TicketHistoryEntry;
import io.beacon.ticket.domain.TicketStatus;
import io.beacon.ticket.domain.Tickets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads tickets as the caller may see them: requesters see only their own, and no internal notes. */
@ApplicationScoped
@Transactional
public class TicketQueries {
    @Inject
    Tickets tickets;

    @Inject
    TicketFinder finder;

    @Inject
    ConfigurationItems cis;

    public record Listing(Page<Ticket> page, Map<Long, String> ciNames) {}

    /** An attachment's description and bytes. */
    public record File(TicketAttachment attachment, byte[] content) {}

    public Listing list(Actor actor, TicketFilter filter, TicketSort sort, PageRequest page) {
        Page<Ticket> result = tickets.find(restrict(actor, filter), sort, page);
        Set<Long> ids = new HashSet<>();
        result.items().forEach(t -> ids.addAll(t.getCiIds()));
        return new Listing(result, ids.isEmpty() ? Map.of() : cis.namesOf(ids));
    }

    public Map<TicketStatus, Long> countByStatus(Actor actor, TicketFilter filter) {
        return tickets.countByStatus(restrict(actor, filter));
    }

    public TicketDetails details(Actor actor, String idOrKey) {
        Ticket ticket = finder.visible(actor, idOrKey);
        return new TicketDetails(ticket,
                ticket.getCiIds().isEmpty() ? Map.of() : cis.namesOf(ticket.getCiIds()),
                tickets.comments(ticket.getId(), TicketAccess.seesInternalNotes(actor)),
                tickets.attachments(ticket.getId()).stream()
                        .filter(a -> !a.isInternal() || TicketAccess.seesInternalNotes(actor)).toList(),
                visibleHistory(actor, tickets.history(ticket.getId())));
    }

    /** A requester's view of the audit trail leaves out the lines about internal notes and files (their very existence). */
    private static List<TicketHistoryEntry> visibleHistory(Actor actor,
            List<TicketHistoryEntry> history) {
        if (TicketAccess.seesInternalNotes(actor)) {
            return history;
        }
        return history.stream().filter(h -> !"note".equals(h.getField())
                && !TicketService.INTERNAL_ATTACHMENT.equals(h.getField())).toList();
    }

    public File attachment(Actor actor, String idOrKey, long attachmentId) {
        Ticket ticket = finder.visible(actor, idOrKey);
        TicketAttachment a = tickets.attachment(ticket.getId(), attachmentId)
                .filter(found -> !found.isInternal() || TicketAccess.seesInternalNotes(actor))
                .orElseThrow(() -> new NotFoundException("attachment", attachmentId));
        return new File(a, tickets.attachmentContent(a.getId()));
    }

    /** Requesters list only the tickets they requested, whatever filter they send. */
    private static TicketFilter restrict(Actor actor, TicketFilter f) {
        if (TicketAccess.seesAllTickets(actor)) {
            return f;
        }
        return new TicketFilter(f.types(), f.statuses(), f.priorities(), f.ciId(), f.assigneeUsername(), f.unassigned(),
                f.groupId(), f.anyOfGroupIds(), f.text(), actor.username(), f.slaStates(), f.organisationId());
    }
}
