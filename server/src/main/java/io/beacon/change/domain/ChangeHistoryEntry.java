package io.beacon.change.domain;

import io.beacon.platform.domain.AuditLine;
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
public class ChangeHistoryEntry extends AuditLine {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "change_history_seq")
    @SequenceGenerator(name = "change_history_seq", sequenceName = "change_history_seq", allocationSize = 50)
    private Long id;

    @Column(name = "change_id", nullable = false)
    private long changeId;

    protected ChangeHistoryEntry() {}

    public ChangeHistoryEntry(long changeId, String actor, Instant at, ChangeEdit edit) {
        super(actor, at, edit.field(), edit.oldValue(), edit.newValue());
        this.changeId = changeId;
    }
}
