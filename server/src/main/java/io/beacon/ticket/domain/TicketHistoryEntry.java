package io.beacon.ticket.domain;

import io.beacon.platform.domain.AuditLine;
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
public class TicketHistoryEntry extends AuditLine {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_history_seq")
    @SequenceGenerator(name = "ticket_history_seq", sequenceName = "ticket_history_seq", allocationSize = 50)
    private Long id;

    @Column(name = "ticket_id", nullable = false)
    private long ticketId;

    protected TicketHistoryEntry() {}

    public TicketHistoryEntry(long ticketId, String actor, Instant changedAt, FieldChange change) {
        super(actor, changedAt, change.field(), change.oldValue(), change.newValue());
        this.ticketId = ticketId;
    }

    public Long getId() {
        return id;
    }

    public long getTicketId() {
        return ticketId;
    }
}
