package io.beacon.ticket.domain;

import io.beacon.platform.domain.Page;
import io.beacon.platform.domain.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tickets Beacon keeps, with their comments, attachments and audit trail. */
public interface Tickets {
    /**
     * Reserves {@code count} consecutive numbers in the type's own series (INC-1, INC-2, ...) and answers
     * the first; they are the caller's even if its own transaction rolls back (a gap, never a reuse), and
     * reserving flushes nothing pending.
     */
    long reserveNumbers(TicketType type, int count);

    Ticket add(Ticket ticket);

    /**
     * This transaction's tickets reach the search index just after its commit, without the commit waiting
     * for the index (otherwise a search right after a change finds it). For Beacon's own work on a storm's
     * incidents, which nobody searches for in that moment and which must not hold back the alarms behind it.
     */
    void indexWithoutWaiting();

    Optional<Ticket> byId(long id);

    Optional<Ticket> byKey(String key);

    Page<Ticket> find(TicketFilter filter, TicketSort sort, PageRequest page);

    /**
     * The page that follows {@code after} in the same order (keyset paging: as fast deep in the list
     * as at its start); {@code page.page()} is ignored, and the total is -1 (unknown: counting would read
     * every matching row; the first page tells it). A null cursor is the first page.
     */
    Page<Ticket> find(TicketFilter filter, TicketSort sort, PageRequest page, TicketCursor after);

    /** The cursor of the page that follows {@code last} in a list sorted by {@code sort}. */
    TicketCursor cursorAfter(Ticket last, TicketSort sort);

    /** How many tickets match, per status: the console's queue counters. */
    Map<TicketStatus, Long> countByStatus(TicketFilter filter);

    TicketComment addComment(TicketComment comment);

    List<TicketComment> comments(long ticketId, boolean includeInternal);

    TicketAttachment addAttachment(TicketAttachment attachment, byte[] content);

    List<TicketAttachment> attachments(long ticketId);

    Optional<TicketAttachment> attachment(long ticketId, long attachmentId);

    byte[] attachmentContent(long attachmentId);

    void addHistory(List<TicketHistoryEntry> entries);

    List<TicketHistoryEntry> history(long ticketId);

    /** Writes pending changes now, so that the version a caller is answered with is the new one. */
    void flush();

    /** Marks activity (a comment, an attachment) without changing the ticket's version. */
    void touch(long ticketId, Instant at);
}
