package io.beacon.change.persistence;

import io.beacon.change.domain.ApproverSubstitute;
import io.beacon.change.domain.Change;
import io.beacon.change.domain.ChangeApproval;
import io.beacon.change.domain.ChangeFilter;
import io.beacon.change.domain.ChangeHistoryEntry;
import io.beacon.change.domain.ChangeStatus;
import io.beacon.change.domain.Changes;
import io.beacon.platform.domain.Page;
import io.beacon.platform.domain.PageRequest;
import io.beacon.platform.persistence.Chunks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class JpaChanges implements Changes {
    @PersistenceContext(unitName = "beacon")
    EntityManager em;

    @Override
    public long nextNumber() {
        return ((Number) em.createNativeQuery("SELECT NEXT VALUE FOR change_number").getSingleResult()).longValue();
    }

    @Override
    public Change add(Change change) {
        em.persist(change);
        return change;
    }

    @Override
    public Optional<Change> byId(long id) {
        return Optional.ofNullable(em.find(Change.class, id));
    }

    @Override
    public Optional<Change> byKey(String key) {
        return em.createQuery("select c from Change c where c.key = :k", Change.class).setParameter("k", key)
                .getResultStream().findFirst();
    }

    @Override
    public Page<Change> find(ChangeFilter f, PageRequest page) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            where.append(" and c.status in :statuses");
            params.put("statuses", f.statuses());
        }
        if (f.types() != null && !f.types().isEmpty()) {
            where.append(" and c.type in :types");
            params.put("types", f.types());
        }
        if (f.ciId() != null) {
            where.append(" and :ci member of c.ciIds");
            params.put("ci", f.ciId());
        }
        if (f.to() != null) {
            where.append(" and c.plannedStart < :to");
            params.put("to", f.to());
        }
        if (f.from() != null) {
            where.append(" and c.plannedEnd > :from");
            params.put("from", f.from());
        }
        if (f.requester() != null) {
            where.append(" and c.requester = :requester");
            params.put("requester", f.requester());
        }
        if (f.q() != null) {
            where.append(" and (lower(c.title) like :q or lower(c.key) like :q)");
            params.put("q", "%" + f.q().toLowerCase(Locale.ROOT).replace("%", "") + "%");
        }
        TypedQuery<Change> items = em.createQuery("select c from Change c" + where
                + " order by c.plannedStart desc, c.id desc", Change.class);
        TypedQuery<Long> count = em.createQuery("select count(c) from Change c" + where, Long.class);
        params.forEach((k, v) -> {
            items.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<Change> list = items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return new Page<>(list, Page.totalOf(list, page, count::getSingleResult), page.page(), page.size());
    }

    @Override
    public List<Change> approvedOn(Collection<Long> ciIds, Instant from, Instant to) {
        List<Change> out = new ArrayList<>();
        for (List<Long> chunk : Chunks.of(ciIds, 500)) {
            out.addAll(em.createQuery("select distinct c from Change c join c.ciIds ci where ci in :cis"
                            + " and c.status in :approved and c.plannedStart < :to and c.plannedEnd > :from", Change.class)
                    .setParameter("cis", chunk)
                    .setParameter("approved", Set.of(ChangeStatus.SCHEDULED, ChangeStatus.IMPLEMENTING))
                    .setParameter("from", from).setParameter("to", to).getResultList());
        }
        return out.stream().distinct().toList();
    }

    @Override
    public ChangeApproval addApproval(ChangeApproval approval) {
        em.persist(approval);
        return approval;
    }

    @Override
    public List<ChangeApproval> approvals(long changeId) {
        return em.createQuery("select a from ChangeApproval a where a.changeId = :c order by a.decidedAt, a.id",
                ChangeApproval.class).setParameter("c", changeId).getResultList();
    }

    @Override
    public List<ChangeApproval> approvalsOf(Collection<Long> changeIds) {
        if (changeIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select a from ChangeApproval a where a.changeId in :c order by a.decidedAt, a.id",
                ChangeApproval.class).setParameter("c", changeIds).getResultList();
    }

    @Override
    public void addHistory(List<ChangeHistoryEntry> entries) {
        entries.forEach(em::persist);
    }

    @Override
    public List<ChangeHistoryEntry> history(long changeId) {
        return em.createQuery("select h from ChangeHistoryEntry h where h.changeId = :c order by h.changedAt, h.id",
                ChangeHistoryEntry.class).setParameter("c", changeId).getResultList();
    }

    @Override
    public ApproverSubstitute addSubstitute(ApproverSubstitute substitute) {
        em.persist(substitute);
        return substitute;
    }

    @Override
    public List<ApproverSubstitute> substitutesOf(String approver, Instant at) {
        return em.createQuery("select s from ApproverSubstitute s where s.approver = :a and s.validFrom <= :t"
                        + " and s.validUntil > :t order by s.validFrom", ApproverSubstitute.class)
                .setParameter("a", approver).setParameter("t", at).getResultList();
    }

    @Override
    public List<ApproverSubstitute> substitutesNamedBy(String approver) {
        return em.createQuery("select s from ApproverSubstitute s where s.approver = :a order by s.validFrom desc",
                ApproverSubstitute.class).setParameter("a", approver).getResultList();
    }

    @Override
    public void flush() {
        em.flush();
    }
}
