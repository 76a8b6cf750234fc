package io.beacon.cmdb.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The relations between configuration items. */
public interface CiRelations {
    Optional<CiRelation> byId(long id);

    boolean exists(long sourceId, RelationType type, long targetId);

    /** The relations of a CI, both those starting at it and those pointing at it. */
    List<CiRelation> touching(long ciId);

    /** The relations pointing at any of these CIs (batched queries). */
    List<Edge> edgesInto(Collection<Long> targetIds);

    /** The relations starting at any of these CIs (batched queries). */
    List<Edge> edgesFrom(Collection<Long> sourceIds);

    /** Every relation with its id, for the in-memory CMDB view (one flat query). */
    List<RelationEdge> allRelations();

    CiRelation add(CiRelation relation);

    void remove(CiRelation relation);
}
