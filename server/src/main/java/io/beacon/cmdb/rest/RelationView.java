package io.beacon.cmdb.rest;

import io.beacon.cmdb.domain.CiRelation;

/** A relation, read "source type target". */
public record RelationView(long id, long sourceId, String sourceName, String type, long targetId, String targetName) {
    static RelationView of(CiRelation r, String sourceName, String targetName) {
        return new RelationView(r.getId(), r.getSourceId(), sourceName, r.getType().code(), r.getTargetId(),
                targetName);
    }
}
