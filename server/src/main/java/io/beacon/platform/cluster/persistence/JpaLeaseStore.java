package io.beacon.platform.cluster.persistence;

import io.beacon.platform.cluster.LeaseRow;
import io.beacon.platform.cluster.LeaseStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.List;
import org.hibernate.query.NativeQuery;
import java.util.Optional;

/** The lease rows through the application's datasource: each change in a transaction of its own, the fence in the caller's. */
@ApplicationScoped
public class JpaLeaseStore implements LeaseStore {
    @PersistenceContext(unitName = "beacon")
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<LeaseRow> read(String name) {
        List<?> rows = query(LeaseStatements.READ, name).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new LeaseRow((String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean create(String name, String holder) {
        return query(LeaseStatements.CREATE, name, holder).executeUpdate() == 1;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean renew(String name, String holder, long epoch) {
        return query(LeaseStatements.RENEW, name, holder, epoch).executeUpdate() == 1;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean takeOver(String name, String holder, LeaseRow seen) {
        return query(LeaseStatements.TAKE_OVER, holder, name, seen.holder(), seen.epoch(), seen.beat()).executeUpdate() == 1;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean release(String name, String holder, long epoch) {
        return query(LeaseStatements.RELEASE, name, holder, epoch).executeUpdate() == 1;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean fence(String name, String holder, long epoch) {
        return query(LeaseStatements.FENCE, name, holder, epoch).executeUpdate() == 1;
    }

    private Query query(String sql, Object... args) {
        // Names the one table touched: otherwise Hibernate treats a native update as touching every entity (flushes, cache evictions).
        Query q = em.createNativeQuery(sql).unwrap(NativeQuery.class).addSynchronizedQuerySpace("cluster_lease");
        for (int i = 0; i < args.length; i++) {
            q.setParameter(i + 1, args[i]);
        }
        return q;
    }
}
