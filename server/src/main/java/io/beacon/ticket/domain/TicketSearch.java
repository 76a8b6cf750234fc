package io.beacon.ticket.domain;

import io.beacon.platform.domain.Page;
import io.beacon.platform.domain.PageRequest;

/**
 * Full-text search over tickets: titles, descriptions and comments (mails arrive as descriptions and
 * comments), Korean substrings included, ticket keys exactly. The index follows every committed change.
 */
public interface TicketSearch {
    /**
     * The tickets matching {@code filter.text()} and the rest of the filter, best first unless a sort
     * is given. {@code includeInternal}: whether internal notes count (only the desk sees them).
     */
    Page<TicketHit> search(TicketFilter filter, TicketSort sortOrNull, PageRequest page, boolean includeInternal);

    /** Whether a filter can be answered by the index (it knows no SLA state). */
    static boolean answers(TicketFilter filter) {
        return filter.text() != null && !filter.text().isBlank()
                && (filter.slaStates() == null || filter.slaStates().isEmpty()) && filter.organisationId() == null;
    }

    /** Rebuilds the index from the database in the background; false when a rebuild is already running. */
    boolean rebuild();

    /** The state of the index: documents and whether a rebuild is running. */
    Status status();

    record Status(long documents, boolean rebuilding, String lastRebuild) {}
}
