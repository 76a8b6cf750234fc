package io.beacon.ticket.domain;

import java.util.List;
import java.util.Map;

/**
 * One ticket found by a text search, with its relevance and the passages that matched, per field
 * ({@code title}, {@code description}, {@code comments}): HTML-escaped text with the matched parts in
 * {@code <mark>}.
 */
public record TicketHit(Ticket ticket, float score, Map<String, List<String>> highlights) {}
