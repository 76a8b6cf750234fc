package io.beacon.cmdb.application;

import io.beacon.cmdb.domain.CiIdentity;
import io.beacon.cmdb.domain.RelationEdge;
import java.util.List;

/**
 * What a CMDB write changed, as committed: the CIs' new identities and the relations added or
 * removed. Fired (CDI) in the writing transaction; {@link CmdbView} applies it once that commits,
 * before the writer's caller gets its answer.
 */
public record CmdbChange(List<CiIdentity> cis, List<RelationEdge> relationsAdded, List<Long> relationsRemoved) {
    public CmdbChange {
        cis = List.copyOf(cis);
        relationsAdded = List.copyOf(relationsAdded);
        relationsRemoved = List.copyOf(relationsRemoved);
    }

    public static CmdbChange ci(CiIdentity ci) {
        return new CmdbChange(List.of(ci), List.of(), List.of());
    }

    public static CmdbChange related(RelationEdge added) {
        return new CmdbChange(List.of(), List.of(added), List.of());
    }

    public static CmdbChange unrelated(long relationId) {
        return new CmdbChange(List.of(), List.of(), List.of(relationId));
    }

    public boolean isEmpty() {
        return cis.isEmpty() && relationsAdded.isEmpty() && relationsRemoved.isEmpty();
    }
}
