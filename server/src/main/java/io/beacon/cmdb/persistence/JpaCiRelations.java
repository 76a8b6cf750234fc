package io.beacon.cmdb.persistence;

import io.beacon.cmdb.domain.CiRelation;
import io.beacon.cmdb.domain.CiRelations;
import io.beacon.cmdb.domain.Edge;
import io.beacon.cmdb.domain.RelationEdge;
import io.beacon.cmdb.domain.RelationType;
import io.beacon.platform.persistence.Chunks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaCiRelations implements CiRelations {
    @PersistenceContext(unitName = "beacon")
    EntityManager em;

    @Override
    public Optional<CiRelation> byId(long id) {
        return Optional.ofNullable(em.find(CiRelation.class, id));
    }

    @Override
    public boolean exists(long sourceId, RelationType type, long targetId) {
        return !em.createQuery("select r.id from CiRelation r where r.sourceId = :s and r.type = :t and r.targetId = :g",
                Long.class).setParameter("s", sourceId).setParameter("t", type).setParameter("g", targetId)
                .setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public List<CiRelation> touching(long ciId) {
        List<CiRelation> all = new ArrayList<>(em.createQuery(
                "select r from CiRelation r where r.sourceId = :id order by r.id", CiRelation.class)
                .setParameter("id", ciId).getResultList());
        all.addAll(em.createQuery("select r from CiRelation r where r.targetId = :id order by r.id", CiRelation.class)
                .setParameter("id", ciId).getResultList());
        return all;
    }

    @Override
    public List<Edge> edgesInto(Collection<Long> targetIds) {
        return edges("r.targetId", targetIds);
    }

    @Override
    public List<Edge> edgesFrom(Collection<Long> sourceIds) {
        return edges("r.sourceId", sourceIds);
    }

    @Override
    public List<RelationEdge> allRelations() {
        List<RelationEdge> edges = new ArrayList<>();
        for (Object[] row : em.createQuery("select r.id, r.sourceId, r.type, r.targetId from CiRelation r",
                Object[].class).getResultList()) {
            edges.add(new RelationEdge((Long) row[0], new Edge((Long) row[1], (RelationType) row[2], (Long) row[3])));
        }
        return edges;
    }

    private List<Edge> edges(String column, Collection<Long> ids) {
        List<Edge> edges = new ArrayList<>();
        for (List<Long> chunk : Chunks.of(new LinkedHashSet<>(ids), Chunks.IN_LIST)) {
            // Both ends are indexed: target_id on its own, source_id as the lead of the unique key.
            for (Object[] row : em.createQuery("select r.sourceId, r.type, r.targetId from CiRelation r where "
                    + column + " in :ids", Object[].class).setParameter("ids", chunk).getResultList()) {
                edges.add(new Edge((Long) row[0], (RelationType) row[1], (Long) row[2]));
            }
        }
        return edges;
    }

    @Override
    public CiRelation add(CiRelation relation) {
        em.persist(relation);
        return relation;
    }

    @Override
    public void remove(CiRelation relation) {
        em.remove(em.contains(relation) ? relation : em.merge(relation));
    }
}
