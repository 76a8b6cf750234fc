package io.beacon.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One thing a user was told: who did what ({@code kind}, e.g. {@code mention}) on which ticket, and whether it was read. */
@Entity
@Table(name = "notification")
public class Notification {
    public static final String MENTION = "mention";
    static final int EXCERPT_MAX = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
    @SequenceGenerator(name = "notification_seq", sequenceName = "notification_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 64)
    private String recipient;

    @Column(nullable = false, length = 20)
    private String kind;

    @Column(nullable = false, length = 64)
    private String actor;

    @Column(name = "ticket_id")
    private Long ticketId;

    @Column(name = "ticket_key", length = 24)
    private String ticketKey;

    @Column(name = "ticket_title", length = 300)
    private String ticketTitle;

    @Column(length = EXCERPT_MAX)
    private String excerpt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {}

    public Notification(String recipient, String kind, String actor, Long ticketId, String ticketKey, String ticketTitle,
            String text, Instant now) {
        this.recipient = recipient;
        this.kind = kind;
        this.actor = actor;
        this.ticketId = ticketId;
        this.ticketKey = ticketKey;
        this.ticketTitle = cut(ticketTitle, 300);
        this.excerpt = cut(text, EXCERPT_MAX);
        this.createdAt = now;
    }

    /** The first characters of a text, whole characters only (a Korean syllable or an emoji is never split). */
    static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.length() <= max) {
            return s;
        }
        int end = s.offsetByCodePoints(0, Math.min(s.codePointCount(0, s.length()), max - 1));
        while (end > max - 1) {
            end = s.offsetByCodePoints(end, -1);
        }
        return s.substring(0, end) + "…";
    }

    public void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public boolean isRead() {
        return readAt != null;
    }

    public Long getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getKind() {
        return kind;
    }

    public String getActor() {
        return actor;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public String getTicketKey() {
        return ticketKey;
    }

    public String getTicketTitle() {
        return ticketTitle;
    }

    public String getExcerpt() {
        return excerpt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }
}
