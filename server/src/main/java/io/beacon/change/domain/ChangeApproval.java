package io.beacon.change.domain;

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

/**
 * Who decided a change, how, why and when; {@code onBehalfOf} names the approver a substitute stood in for.
 * A decision counts until an edit of what was approved withdraws it.
 */
@Entity
@Table(name = "change_approval")
public class ChangeApproval {
    public static final int COMMENT_MAX = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "change_approval_seq")
    @SequenceGenerator(name = "change_approval_seq", sequenceName = "change_approval_seq", allocationSize = 50)
    private Long id;

    @Column(name = "change_id", nullable = false)
    private long changeId;

    @Column(nullable = false, length = 64)
    private String approver;

    @Column(name = "on_behalf_of", length = 64)
    private String onBehalfOf;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Decision decision;

    @Column(length = COMMENT_MAX)
    private String comment;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    /** Set when an edit of what was approved withdrew this decision (approval started again). */
    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    protected ChangeApproval() {}

    public ChangeApproval(long changeId, String approver, String onBehalfOf, Decision decision, String comment,
            Instant decidedAt) {
        this.changeId = changeId;
        this.approver = approver;
        this.onBehalfOf = onBehalfOf;
        this.decision = decision;
        this.comment = comment;
        this.decidedAt = decidedAt;
    }

    /** The change was revised after this decision: it no longer counts; the record stays. */
    public void withdraw(Instant at) {
        if (withdrawnAt == null) {
            withdrawnAt = at;
        }
    }

    public boolean isWithdrawn() {
        return withdrawnAt != null;
    }

    /** "approver: approved" (with "for X" when a substitute decided), as the history names a decision. */
    public String summary() {
        return approver + ": " + decision.code() + (onBehalfOf == null ? "" : " (for " + onBehalfOf + ")");
    }

    public Long getId() { return id; }
    public long getChangeId() { return changeId; }
    public String getApprover() { return approver; }
    public String getOnBehalfOf() { return onBehalfOf; }
    public Decision getDecision() { return decision; }
    public String getComment() { return comment; }
    public Instant getDecidedAt() { return decidedAt; }
    public Instant getWithdrawnAt() { return withdrawnAt; }
}
