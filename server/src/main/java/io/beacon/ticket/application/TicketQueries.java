package io.beacon.ticket.application;

import io.beacon.cmdb.domain.ConfigurationItems;
import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.NotFoundException;
import io.beacon.platform.domain.Page;
import io.beacon.platform.domain.PageRequest;
import io.beacon.ticket.domain.Ticket;
import io.beacon.ticket.domain.TicketAccess;
import io.beacon.ticket.domain.TicketAttachment;
import io.beacon.ticket.domain.TicketCursor;
import io.beacon.ticket.domain.TicketFilter;
import io.beacon.ticket.domain.TicketHit;
import io.beacon.ticket.domain.TicketSearch;
import io.beacon.ticket.domain.TicketSort;
import io.beacon.ticket.domain.TicketHistoryEntry;
import io.beacon.ticket.domain.TicketStatus;
import io.beacon.ticket.domain.Tickets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.LinkedHashMap;
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

    /**
     * {@code highlights}: for a text search, the matched passages of each ticket (by id), per field;
     * {@code next}: where the page after a full one starts (keyset paging), null for a search's pages.
     */
    public record Listing(Page<Ticket> page, Map<Long, String> ciNames, Map<Long, Map<String, List<String>>> highlights,
            TicketCursor next) {
    }

    @Inject
    TicketSearch search;

    /** An attachment's description and bytes. */
    public record File(TicketAttachment attachment, byte[] content) {}

    public Listing list(Actor actor, TicketFilter filter, TicketSort sort, PageRequest page) {
        return list(actor, filter, sort, page, null);
    }

    /** The page after {@code after} (keyset paging) when it is given, else the page {@code page} asks for. */
    public Listing list(Actor actor, TicketFilter filter, TicketSort sort, PageRequest page, TicketCursor after) {
        Page<Ticket> result = after == null ? tickets.find(restrict(actor, filter), sort, page)
                : tickets.find(restrict(actor, filter), sort, page, after);
        Set<Long> ids = new HashSet<>();
        result.items().forEach(t -> ids.addAll(t.getCiIds()));
        List<Ticket> items = result.items();
        TicketCursor next = items.isEmpty() || items.size() < result.size() ? null
                : tickets.cursorAfter(items.get(items.size() - 1), sort);
        return new Listing(result, ids.isEmpty() ? Map.of() : cis.namesOf(ids), Map.of(), next);
    }

    /**
     * A list with text ({@code filter.text()}): answered by the search index, best match first unless
     * {@code sortOrNull} orders it, with the matched passages. A filter or order the index cannot answer
     * (an SLA state, an organisation, the due order) is answered by the database instead.
     */
    public Listing search(Actor actor, TicketFilter filter, TicketSort sortOrNull, PageRequest page) {
        TicketFilter restricted = restrict(actor, filter);
        if (!TicketSearch.answers(restricted) || sortOrNull != null && sortOrNull.field() == TicketSort.Field.DUE) {
            return list(actor, filter, sortOrNull == null ? TicketSort.NEWEST_FIRST : sortOrNull, page);
        }
        Page<TicketHit> hits = search.search(restricted, sortOrNull, page, TicketAccess.seesInternalNotes(actor));
        Set<Long> ids = new HashSet<>();
        Map<Long, Map<String, List<String>>> highlights = new LinkedHashMap<>();
        for (TicketHit hit : hits.items()) {
            ids.addAll(hit.ticket().getCiIds());
            highlights.put(hit.ticket().getId(), hit.highlights());
        }
        return new Listing(hits.map(TicketHit::ticket), ids.isEmpty() ? Map.of() : cis.namesOf(ids), highlights, null);
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
