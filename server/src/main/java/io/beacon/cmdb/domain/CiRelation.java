package io.beacon.cmdb.domain;

import io.beacon.platform.domain.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A typed, directed relation between two CIs, read "source type target" (app depends_on db). The ends
 * are kept as ids, so that imports and topology walks never have to load the items themselves.
 */
@Entity
@Table(name = "ci_relation")
public class CiRelation {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ci_relation_seq")
    @SequenceGenerator(name = "ci_relation_seq", sequenceName = "ci_relation_seq", allocationSize = 50)
    private Long id;

    @Column(name = "source_id", nullable = false)
    private long sourceId;

    @Column(nullable = false, length = 32)
    @Enumerated(EnumType.STRING)
    private RelationType type;

    @Column(name = "target_id", nullable = false)
    private long targetId;

    protected CiRelation() {}

    public CiRelation(long sourceId, RelationType type, long targetId) {
        check(sourceId, type, targetId);
        this.sourceId = sourceId;
        this.type = type;
        this.targetId = targetId;
    }

    /** The rules every relation obeys on its own: a type, and two different ends. */
    public static void check(long sourceId, RelationType type, long targetId) {
        if (type == null) {
            throw new InvalidInputException("type", "must not be blank");
        }
        if (sourceId == targetId) {
            throw new InvalidInputException("target", "a CI cannot relate to itself");
        }
    }

    public Edge edge() {
        return new Edge(sourceId, type, targetId);
    }

    public Long getId() {
        return id;
    }

    public long getSourceId() {
        return sourceId;
    }

    public RelationType getType() {
        return type;
    }

    public long getTargetId() {
        return targetId;
    }
}
