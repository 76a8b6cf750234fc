package io.beacon.ticket.application;

import io.beacon.ticket.domain.FieldChange;
import io.beacon.ticket.domain.TicketComment;
import java.time.Instant;
import java.util.List;

/**
 * Something happened to a ticket: fired as a CDI event inside the transaction that did it, so
 * that observers either join it (processes) or wait for its commit with
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} (notifications, the live console).
 */
public record TicketActivity(Kind kind, long ticketId, String key, String type, String status, String priority,
        String actor, Instant at, List<FieldChange> changes, Long commentId, boolean internal,
        TicketComment.Channel channel) {

    public enum Kind { CREATED, CHANGED, COMMENTED, ATTACHED }

    /** Activity whose channel does not matter to its observers (only a creation's does). */
    public TicketActivity(Kind kind, long ticketId, String key, String type, String status, String priority,
            String actor, Instant at, List<FieldChange> changes, Long commentId, boolean internal) {
        this(kind, ticketId, key, type, status, priority, actor, at, changes, commentId, internal, null);
    }

    /** Whether this is a ticket opened from a mail in the desk's mailbox. */
    public boolean openedByMail() {
        return kind == Kind.CREATED && channel == TicketComment.Channel.MAIL;
    }
}
