package io.beacon.ticket.application;

import io.beacon.ticket.domain.Ticket;
import io.beacon.ticket.domain.TicketAttachment;
import io.beacon.ticket.domain.TicketComment;
import io.beacon.ticket.domain.TicketHistoryEntry;
import java.util.List;
import java.util.Map;

/** A ticket with everything its page shows, filtered to what the caller may see. */
public record TicketDetails(Ticket ticket, Map<Long, String> ciNames, List<TicketComment> comments,
        List<TicketAttachment> attachments, List<TicketHistoryEntry> history) {}
