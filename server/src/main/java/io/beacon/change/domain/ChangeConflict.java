package io.beacon.change.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Why approvers should look twice: an overlapping approved change ("change"), a freeze window ("freeze") or a
 * monitoring maintenance window on one of the change's CIs ("maintenance").
 */
@Embeddable
public class ChangeConflict {
    public static final String CHANGE = "change";
    public static final String FREEZE = "freeze";
    public static final String MAINTENANCE = "maintenance";

    @Column(nullable = false, length = 16)
    private String kind;

    @Column(nullable = false, length = 200)
    private String ref;

    @Column(nullable = false, length = 1000)
    private String reason;

    protected ChangeConflict() {}

    public ChangeConflict(String kind, String ref, String reason) {
        this.kind = kind;
        this.ref = ref.length() > 200 ? ref.substring(0, 200) : ref;
        this.reason = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
    }

    public String getKind() {
        return kind;
    }

    public String getRef() {
        return ref;
    }

    public String getReason() {
        return reason;
    }
}
