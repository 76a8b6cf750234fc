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

/** Who decided a change, how, why and when; {@code onBehalfOf} names the approver a substitute stood in for. */
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

    public Long getId() { return id; }
    public long getChangeId() { return changeId; }
    public String getApprover() { return approver; }
    public String getOnBehalfOf() { return onBehalfOf; }
    public Decision getDecision() { return decision; }
    public String getComment() { return comment; }
    public Instant getDecidedAt() { return decidedAt; }
}
