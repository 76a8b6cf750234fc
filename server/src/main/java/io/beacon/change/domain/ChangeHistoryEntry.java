package io.beacon.change.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One audited edit of a change: who, when, which field, from what to what. */
@Entity
@Table(name = "change_history")
public class ChangeHistoryEntry {
    private static final int MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "change_history_seq")
    @SequenceGenerator(name = "change_history_seq", sequenceName = "change_history_seq", allocationSize = 50)
    private Long id;

    @Column(name = "change_id", nullable = false)
    private long changeId;

    @Column(nullable = false, length = 64)
    private String actor;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(nullable = false, length = 64)
    private String field;

    @Column(name = "old_value", length = MAX)
    private String oldValue;

    @Column(name = "new_value", length = MAX)
    private String newValue;

    protected ChangeHistoryEntry() {}

    public ChangeHistoryEntry(long changeId, String actor, Instant at, ChangeEdit edit) {
        this.changeId = changeId;
        this.actor = actor;
        this.changedAt = at;
        this.field = edit.field();
        this.oldValue = cut(edit.oldValue());
        this.newValue = cut(edit.newValue());
    }

    private static String cut(String s) {
        return s == null || s.length() <= MAX ? s : s.substring(0, MAX);
    }

    public String getActor() { return actor; }
    public Instant getChangedAt() { return changedAt; }
    public String getField() { return field; }
    public String getOldValue() { return oldValue; }
    public String getNewValue() { return newValue; }
}
