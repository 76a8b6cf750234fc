package io.beacon.change.domain;

import io.beacon.platform.domain.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An approver's stand-in for a period (holiday, leave): the substitute gets the approver's approval tasks. */
@Entity
@Table(name = "approver_substitute")
public class ApproverSubstitute {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "approver_substitute_seq")
    @SequenceGenerator(name = "approver_substitute_seq", sequenceName = "approver_substitute_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 64)
    private String approver;

    @Column(nullable = false, length = 64)
    private String substitute;

    @Column(name = "valid_from", nullable = false)
    private Instant validFrom;

    @Column(name = "valid_until", nullable = false)
    private Instant validUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ApproverSubstitute() {}

    public ApproverSubstitute(String approver, String substitute, Instant validFrom, Instant validUntil, Instant now) {
        if (approver.equalsIgnoreCase(substitute)) {
            throw new InvalidInputException("substitute", "must be someone else");
        }
        if (validFrom == null || validUntil == null || !validUntil.isAfter(validFrom)) {
            throw new InvalidInputException("until", "must be after from");
        }
        this.approver = approver;
        this.substitute = substitute;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.createdAt = now;
    }

    public boolean activeAt(Instant t) {
        return !t.isBefore(validFrom) && t.isBefore(validUntil);
    }

    public Long getId() { return id; }
    public String getApprover() { return approver; }
    public String getSubstitute() { return substitute; }
    public Instant getValidFrom() { return validFrom; }
    public Instant getValidUntil() { return validUntil; }
}
