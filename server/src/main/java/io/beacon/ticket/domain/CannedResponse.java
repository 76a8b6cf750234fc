package io.beacon.ticket.domain;

import io.beacon.identity.domain.UserGroup;
import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.Validator;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A named reply the desk reuses: a Korean and an English text with placeholders ({@link CannedText}),
 * offered on every ticket (no group) or on the tickets of one group and to its members, and that
 * may also move the ticket to a status or a group when it is sent.
 */
@Entity
@Table(name = "canned_response")
public class CannedResponse {
    public static final int NAME_MAX = 100;
    public static final int BODY_MAX = 20_000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "canned_response_seq")
    @SequenceGenerator(name = "canned_response_seq", sequenceName = "canned_response_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "group_id")
    private UserGroup group;

    @Column(name = "body_ko")
    private String bodyKo;

    @Column(name = "body_en")
    private String bodyEn;

    @Enumerated(EnumType.STRING)
    @Column(name = "set_status", length = 20)
    private TicketStatus setStatus;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "set_group_id")
    private UserGroup setGroup;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected CannedResponse() {}

    public CannedResponse(String name, UserGroup group, String bodyKo, String bodyEn, TicketStatus setStatus,
            UserGroup setGroup, String by, Instant now) {
        update(name, group, bodyKo, bodyEn, setStatus, setGroup, by, now);
    }

    public final void update(String name, UserGroup group, String bodyKo, String bodyEn, TicketStatus setStatus,
            UserGroup setGroup, String by, Instant now) {
        Validator v = new Validator();
        v.text(name, "name", true, NAME_MAX);
        v.text(bodyKo, "bodyKo", false, BODY_MAX);
        v.text(bodyEn, "bodyEn", false, BODY_MAX);
        v.throwIfInvalid();
        String ko = blankToNull(bodyKo);
        String en = blankToNull(bodyEn);
        if (ko == null && en == null) {
            throw new InvalidInputException("bodyKo", "give the text in Korean, English or both");
        }
        if (setStatus == TicketStatus.CLOSED || setStatus == TicketStatus.RESOLVED) {
            // resolving needs a resolution note and closing is final: that is the action bar's, not a reply's
            throw new InvalidInputException("setStatus", "a canned response may set new, assigned, in_progress or pending");
        }
        this.name = name.strip();
        this.group = group;
        this.bodyKo = ko;
        this.bodyEn = en;
        this.setStatus = setStatus;
        this.setGroup = setGroup;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    /** The text in the reader's language, else in the other one. */
    public String text(String locale) {
        if ("en".equals(locale)) {
            return bodyEn != null ? bodyEn : bodyKo;
        }
        return bodyKo != null ? bodyKo : bodyEn;
    }

    /** Offered on this ticket to this agent: a global one, or one of the ticket's group or of a group the agent is in. */
    public boolean offeredFor(UserGroup ticketGroup, java.util.Collection<Long> agentGroupIds) {
        return group == null || (ticketGroup != null && group.getId().equals(ticketGroup.getId()))
                || agentGroupIds.contains(group.getId());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public UserGroup getGroup() {
        return group;
    }

    public String getBodyKo() {
        return bodyKo;
    }

    public String getBodyEn() {
        return bodyEn;
    }

    public TicketStatus getSetStatus() {
        return setStatus;
    }

    public UserGroup getSetGroup() {
        return setGroup;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
