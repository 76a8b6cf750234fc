package io.beacon.mail.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;

/**
 * A mail Beacon owes someone. It is written in the same transaction as the ticket change that
 * caused it, so it is never lost; the sender retries it with backoff until it is sent or given
 * up (then it stays visible as failed).
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail {
    public static final int ERROR_MAX = 1000;

    public enum Status {
        PENDING, SENT, FAILED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_outbox_seq")
    @SequenceGenerator(name = "mail_outbox_seq", sequenceName = "mail_outbox_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 32)
    private String kind;

    @Column(name = "ticket_id")
    private Long ticketId;

    @Column(name = "ticket_key", length = 24)
    private String ticketKey;

    @Column(nullable = false, length = 320)
    private String recipient;

    @Column(nullable = false, length = 998)
    private String subject;

    @Column(nullable = false)
    private String body;

    @Column(name = "message_id", nullable = false, length = MailRecord.ID_MAX)
    private String messageId;

    @Column(name = "in_reply_to", length = MailRecord.ID_MAX)
    private String inReplyTo;

    @Column(name = "refs", length = 4000)
    private String references;

    @Column(name = "auto_submitted", nullable = false, length = 20)
    private String autoSubmitted;

    @Column(nullable = false, length = 12)
    private String status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = ERROR_MAX)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Version
    private long version;

    protected OutboxMail() {}

    public OutboxMail(String kind, Long ticketId, String ticketKey, String recipient, String subject, String body,
            String messageId, String inReplyTo, String references, String autoSubmitted, Instant now) {
        this.kind = kind;
        this.ticketId = ticketId;
        this.ticketKey = ticketKey;
        this.recipient = recipient;
        this.subject = MailRecord.cut(subject, 998);
        this.body = body;
        this.messageId = messageId;
        this.inReplyTo = inReplyTo;
        this.references = MailRecord.cut(references, 4000);
        this.autoSubmitted = autoSubmitted;
        this.status = Status.PENDING.name();
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    public void sent(Instant now) {
        status = Status.SENT.name();
        attempts++;
        sentAt = now;
        lastError = null;
    }

    /** A failed attempt: try again after the backoff, or give up for good. */
    public void failed(String error, Backoff backoff, Instant now) {
        attempts++;
        lastError = MailRecord.cut(error == null ? "unknown error" : error, ERROR_MAX);
        if (backoff.givesUpAfter(attempts)) {
            status = Status.FAILED.name();
        } else {
            nextAttemptAt = now.plus(backoff.delayAfter(attempts));
        }
    }

    /** An administrator asks for one more try of a failed mail, now. */
    public void retryNow(Instant now) {
        status = Status.PENDING.name();
        nextAttemptAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getKind() {
        return kind;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public String getTicketKey() {
        return ticketKey;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getInReplyTo() {
        return inReplyTo;
    }

    public String getReferences() {
        return references;
    }

    public String getAutoSubmitted() {
        return autoSubmitted;
    }

    public Status getStatus() {
        return Status.valueOf(status);
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
