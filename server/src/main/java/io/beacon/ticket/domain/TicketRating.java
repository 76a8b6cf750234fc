package io.beacon.ticket.domain;

import io.beacon.platform.domain.AccessDeniedException;
import io.beacon.platform.domain.ConflictException;
import io.beacon.platform.domain.Validator;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;

/**
 * The requester's satisfaction with one resolution of a ticket (1 to 5, with an optional comment).
 * A resolution is known by its time: one rating each, so a ticket reopened and resolved again may be
 * rated again. The group that resolved it is kept for the reports.
 */
@Entity
@Table(name = "ticket_rating")
public class TicketRating {
    public static final int MIN = 1;
    public static final int MAX = 5;
    public static final int COMMENT_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_rating_seq")
    @SequenceGenerator(name = "ticket_rating_seq", sequenceName = "ticket_rating_seq", allocationSize = 50)
    private Long id;

    @Column(name = "ticket_id", nullable = false)
    private long ticketId;

    @Column(name = "resolved_at", nullable = false)
    private Instant resolvedAt;

    @Column(nullable = false)
    private int score;

    @Column(name = "rating_comment", length = COMMENT_MAX)
    private String comment;

    @Column(name = "rated_by", nullable = false, length = 64)
    private String ratedBy;

    @Column(name = "rated_at", nullable = false)
    private Instant ratedAt;

    @Column(name = "group_id")
    private Long groupId;

    protected TicketRating() {}

    private TicketRating(Ticket ticket, int score, String comment, String ratedBy, Instant now) {
        this.ticketId = ticket.getId();
        this.resolvedAt = ticket.getResolvedAt();
        this.score = score;
        this.comment = comment == null || comment.isBlank() ? null : comment.strip();
        this.ratedBy = ratedBy;
        this.ratedAt = now;
        this.groupId = ticket.getGroup() == null ? null : ticket.getGroup().getId();
    }

    /**
     * The requester rates the ticket's current resolution; {@code existing} is the rating that resolution
     * has already, or null. Only the requester rates, only a resolved (or since closed) ticket, once.
     */
    public static TicketRating rate(Ticket ticket, String username, Integer score, String comment,
            TicketRating existing, Instant now) {
        if (!ticket.isRequestedBy(username)) {
            throw new AccessDeniedException("only the requester rates the resolution of " + ticket.getKey())
                    .keyed("problem.rating.notRequester", Map.of("key", ticket.getKey()));
        }
        if (!rateable(ticket)) {
            throw new ConflictException("status", ticket.getKey() + " is not resolved; rate it once it is")
                    .keyed("problem.rating.notResolved", Map.of("key", ticket.getKey()));
        }
        if (existing != null) {
            throw new ConflictException("score", "this resolution of " + ticket.getKey() + " is rated already")
                    .keyed("problem.rating.once", Map.of("key", ticket.getKey()));
        }
        Validator v = new Validator();
        v.require(score != null && score >= MIN && score <= MAX, "score", "must be a whole number from 1 to 5");
        v.text(comment, "comment", false, COMMENT_MAX);
        v.throwIfInvalid();
        return new TicketRating(ticket, score, comment, username, now);
    }

    /** A ticket whose current resolution can be rated: resolved, or closed after being resolved. */
    public static boolean rateable(Ticket ticket) {
        return ticket.getResolvedAt() != null
                && (ticket.getStatus() == TicketStatus.RESOLVED || ticket.getStatus() == TicketStatus.CLOSED);
    }

    public Long getId() {
        return id;
    }

    public long getTicketId() {
        return ticketId;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public int getScore() {
        return score;
    }

    public String getComment() {
        return comment;
    }

    public String getRatedBy() {
        return ratedBy;
    }

    public Instant getRatedAt() {
        return ratedAt;
    }

    public Long getGroupId() {
        return groupId;
    }
}
