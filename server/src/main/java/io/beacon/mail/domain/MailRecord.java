package io.beacon.mail.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One Message-ID Beacon has seen or sent, with the ticket it belongs to and what became of it.
 * Received ids make processing exactly-once (the same id is never processed twice); both
 * directions let a reply find its ticket through In-Reply-To and References.
 */
@Entity
@Table(name = "mail_message")
public class MailRecord {
    public static final int ID_MAX = 400;

    public enum Direction { IN, OUT }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_message_seq")
    @SequenceGenerator(name = "mail_message_seq", sequenceName = "mail_message_seq", allocationSize = 50)
    private Long id;

    @Column(name = "message_id", nullable = false, length = ID_MAX)
    private String messageId;

    @Column(nullable = false, length = 8)
    private String direction;

    @Column(name = "ticket_id")
    private Long ticketId;

    @Column(nullable = false, length = 32)
    private String outcome;

    @Column(length = 320)
    private String sender;

    @Column(length = 300)
    private String subject;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    /** The sender authentication results that failed (e.g. {@code dkim=fail}); null when none failed. */
    @Column(name = "auth_failure", length = 200)
    private String authFailure;

    protected MailRecord() {}

    public MailRecord(String messageId, Direction direction, Long ticketId, String outcome, String sender,
            String subject, Instant now) {
        this.messageId = cut(messageId, ID_MAX);
        this.direction = direction.name();
        this.ticketId = ticketId;
        this.outcome = outcome;
        this.sender = cut(sender, 320);
        this.subject = cut(subject, 300);
        this.recordedAt = now;
    }

    /** Marks the received mail as from a sender that failed authentication. */
    public MailRecord unverified(String failures) {
        this.authFailure = failures == null || failures.isBlank() ? null : cut(failures, 200);
        return this;
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public String getMessageId() {
        return messageId;
    }

    public Direction getDirection() {
        return Direction.valueOf(direction);
    }

    public Long getTicketId() {
        return ticketId;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getSender() {
        return sender;
    }

    public String getSubject() {
        return subject;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getAuthFailure() {
        return authFailure;
    }
}
