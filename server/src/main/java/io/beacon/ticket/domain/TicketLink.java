package io.beacon.ticket.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A link an agent made by hand from one ticket ({@code sourceId}) to another ({@code targetId}). */
@Entity
@Table(name = "ticket_link")
public class TicketLink {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_link_seq")
    @SequenceGenerator(name = "ticket_link_seq", sequenceName = "ticket_link_seq", allocationSize = 50)
    private Long id;

    @Column(name = "source_id", nullable = false)
    private long sourceId;

    @Column(name = "target_id", nullable = false)
    private long targetId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private LinkKind kind;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TicketLink() {}

    public TicketLink(long sourceId, long targetId, LinkKind kind, String createdBy, Instant now) {
        this.sourceId = sourceId;
        this.targetId = targetId;
        this.kind = kind;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** The other end, seen from {@code ticketId}. */
    public long otherThan(long ticketId) {
        return sourceId == ticketId ? targetId : sourceId;
    }

    /** The kind as {@code ticketId} reads it: its own code when it holds the link, else the inverse. */
    public String kindSeenFrom(long ticketId) {
        return sourceId == ticketId ? kind.code() : kind.inverse();
    }

    public Long getId() {
        return id;
    }

    public long getSourceId() {
        return sourceId;
    }

    public long getTargetId() {
        return targetId;
    }

    public LinkKind getKind() {
        return kind;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
