package io.beacon.platform.domain;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * One line of an audit trail, whatever it audits (a ticket, a change): who changed which field
 * when, from what to what. Values longer than the column are cut, and say so.
 */
@MappedSuperclass
public abstract class AuditLine {
    public static final int VALUE_MAX = 2000;

    @Column(nullable = false, length = 64)
    private String actor;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(nullable = false, length = 64)
    private String field;

    @Column(name = "old_value", length = VALUE_MAX)
    private String oldValue;

    @Column(name = "new_value", length = VALUE_MAX)
    private String newValue;

    protected AuditLine() {}

    protected AuditLine(String actor, Instant changedAt, String field, String oldValue, String newValue) {
        this.actor = actor;
        this.changedAt = changedAt;
        this.field = field;
        this.oldValue = clip(oldValue);
        this.newValue = clip(newValue);
    }

    private static String clip(String s) {
        return s == null || s.length() <= VALUE_MAX ? s : s.substring(0, VALUE_MAX - 1) + "…";
    }

    public String getActor() {
        return actor;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getField() {
        return field;
    }

    public String getOldValue() {
        return oldValue;
    }

    public String getNewValue() {
        return newValue;
    }
}
