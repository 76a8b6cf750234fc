package io.beacon.ticket.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of a ticket's audit trail: who changed which field when, from what to what. */
@Entity
@Table(name = "ticket_history")
public class TicketHistoryEntry {
    private static final int VALUE_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_history_seq")
    @SequenceGenerator(name = "ticket_history_seq", sequenceName = "ticket_history_seq", allocationSize = 50)
    private Long id;

    @Column(name = "ticket_id", nullable = false)
    private long ticketId;

    @Column(nullable = false, length = 64)
    private String actor;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(nullable = false, length = 64)
    private String field;

    @Column(name = "old_value", length = VALUE_MAX)
    private String oldValue;

    @Column(name = "new_value", length = VALUE_MAX)
    private String newValue;

    protected TicketHistoryEntry() {}

    public TicketHistoryEntry(long ticketId, String actor, Instant changedAt, FieldChange change) {
        this.ticketId = ticketId;
        this.actor = actor;
        this.changedAt = changedAt;
        this.field = change.field();
        this.oldValue = clip(change.oldValue());
        this.newValue = clip(change.newValue());
    }

    private static String clip(String s) {
        return s == null || s.length() <= VALUE_MAX ? s : s.substring(0, VALUE_MAX - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public long getTicketId() {
        return ticketId;
    }

    public String getActor() {
        return actor;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getField() {
        return field;
    }

    public String getOldValue() {
        return oldValue;
    }

    public String getNewValue() {
        return newValue;
    }
}
