package io.beacon.event.alarm.persistence;

import io.beacon.event.domain.EventSource;
import io.beacon.event.alarm.domain.MonitoringEvent;
import io.beacon.event.alarm.domain.MonitoringEvents;
import io.beacon.platform.domain.Page;
import io.beacon.platform.domain.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;
import org.hibernate.StatelessSession;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

@ApplicationScoped
public class JpaMonitoringEvents implements MonitoringEvents {
    @PersistenceContext(unitName = "beacon")
    EntityManager em;

    /**
     * Through a stateless session on the transaction's own connection: the events never enter the
     * persistence context, so neither their insert nor any later flush of the transaction walks
     * them (a wall-clock profile of a cold storm put a quarter of the writer's time in Hibernate's
     * persist and flush of events). Ids come from the entity's own generator, the statements from
     * its mapping; the batch's rows go to the database in one JDBC batch before the session closes.
     */
    @Override
    public void addAll(List<MonitoringEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Session session = em.unwrap(Session.class);
        session.doWork(connection -> {
            try (StatelessSession inserts = session.getSessionFactory().withStatelessOptions().connection(connection)
                    .openStatelessSession()) {
                // One JDBC batch for all: every id is drawn before the first row goes in. On H2 drawing from the
                // (uncached) sequence commits a system session, which writes out every page this transaction
                // has changed so far; between inserts that made each block of ids cost a store of the batch.
                inserts.setJdbcBatchSize(events.size());
                for (MonitoringEvent event : events) {
                    inserts.insert(event);
                }
                ((SharedSessionContractImplementor) inserts).getJdbcCoordinator().executeBatch();
            }
        });
    }

    @Override
    public Page<MonitoringEvent> list(Long ciId, Long alarmId, EventSource source, PageRequest page) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (ciId != null) {
            where.append(" and e.ciId = :ci");
            params.put("ci", ciId);
        }
        if (alarmId != null) {
            where.append(" and e.alarmId = :al");
            params.put("al", alarmId);
        }
        if (source != null) {
            where.append(" and e.source = :so");
            params.put("so", source);
        }
        TypedQuery<MonitoringEvent> items = em.createQuery("select e from MonitoringEvent e" + where + " order by e.id desc",
                MonitoringEvent.class);
        TypedQuery<Long> count = em.createQuery("select count(e) from MonitoringEvent e" + where, Long.class);
        params.forEach((k, v) -> {
            items.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<MonitoringEvent> list = items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return new Page<>(list, Page.totalOf(list, page, count::getSingleResult), page.page(), page.size());
    }

    @Override
    public Set<String> storedIds(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("select e.eventId from MonitoringEvent e where e.eventId in :ids", String.class)
                .setParameter("ids", eventIds).getResultList());
    }

    @Override
    public List<MonitoringEvent> latestOf(long alarmId, int max) {
        return em.createQuery("select e from MonitoringEvent e where e.alarmId = :a order by e.id desc", MonitoringEvent.class)
                .setParameter("a", alarmId).setMaxResults(max).getResultList();
    }
}
