package io.beacon.ticket.domain;

import io.beacon.platform.domain.SystemText;
import io.beacon.platform.domain.Validator;
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
import java.util.Map;

/** A public comment (the requester sees it) or an internal note (only the desk sees it). */
@Entity
@Table(name = "ticket_comment")
public class TicketComment {
    public static final int BODY_MAX = 100_000;

    /** How the comment reached Beacon. */
    public enum Channel { WEB, API, MAIL, SYSTEM }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_comment_seq")
    @SequenceGenerator(name = "ticket_comment_seq", sequenceName = "ticket_comment_seq", allocationSize = 50)
    private Long id;

    @Column(name = "ticket_id", nullable = false)
    private long ticketId;

    @Column(nullable = false, length = 64)
    private String author;

    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private boolean internal;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Channel channel;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** For a mail whose sender failed authentication: the failing results (e.g. {@code dkim=fail}); else null. */
    @Column(name = "unverified_sender", length = 200)
    private String unverifiedSender;

    /** Set when Beacon wrote the comment (a note from correlation): its message key and arguments. */
    @Column(name = "message_key", length = 100)
    private String messageKey;

    @Column(name = "message_args")
    private String messageArgs;

    protected TicketComment() {}

    /** A note Beacon writes: the English text as its body, and the key and arguments for other languages. */
    public TicketComment(long ticketId, String author, SystemText text, boolean internal, Channel channel, Instant now) {
        this(ticketId, author, text.text(), internal, channel, now);
        this.messageKey = text.key();
        this.messageArgs = text.argsJson();
    }

    public TicketComment(long ticketId, String author, String body, boolean internal, Channel channel, Instant now) {
        Validator v = new Validator();
        v.text(body, "body", true, BODY_MAX);
        v.throwIfInvalid();
        this.ticketId = ticketId;
        this.author = author;
        this.body = body.strip();
        this.internal = internal;
        this.channel = channel;
        this.createdAt = now;
    }

    /** Marks a comment made of a mail whose sender could not be verified. */
    public TicketComment fromUnverifiedSender(String failures) {
        this.unverifiedSender = failures == null || failures.isBlank() ? null
                : failures.length() <= 200 ? failures : failures.substring(0, 200);
        return this;
    }

    public String getMessageKey() {
        return messageKey;
    }

    public Map<String, String> getMessageArgs() {
        return messageKey == null ? null : SystemText.parseArgs(messageArgs);
    }

    public Long getId() {
        return id;
    }

    public long getTicketId() {
        return ticketId;
    }

    public String getAuthor() {
        return author;
    }

    public String getBody() {
        return body;
    }

    public boolean isInternal() {
        return internal;
    }

    public Channel getChannel() {
        return channel;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isUnverified() {
        return unverifiedSender != null;
    }

    public String getUnverifiedSender() {
        return unverifiedSender;
    }
}
