package io.beacon.change.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Why approvers should look twice: an overlapping approved change ("change") or a freeze window ("freeze"). */
@Embeddable
public class ChangeConflict {
    public static final String CHANGE = "change";
    public static final String FREEZE = "freeze";

    @Column(nullable = false, length = 16)
    private String kind;

    @Column(nullable = false, length = 200)
    private String ref;

    @Column(nullable = false, length = 1000)
    private String reason;

    protected ChangeConflict() {}

    public ChangeConflict(String kind, String ref, String reason) {
        this.kind = kind;
        this.ref = ref;
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
