package io.beacon.event.alarm.persistence;

import io.beacon.event.alarm.domain.Alarm;
import io.beacon.event.alarm.domain.AlarmFilter;
import io.beacon.event.alarm.domain.AlarmStatus;
import io.beacon.event.alarm.domain.Alarms;
import io.beacon.event.domain.Severity;
import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.Page;
import io.beacon.platform.domain.PageRequest;
import io.beacon.platform.persistence.Chunks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

@ApplicationScoped
public class JpaAlarms implements Alarms {
    private static final int IN_CHUNK = 500;
    private static final Map<String, String> SORTS = Map.of(
            "lastseen", "a.lastSeen", "firstseen", "a.firstSeen", "count", "a.count", "severity", "a.severity",
            "name", "a.name", "id", "a.id");

    @PersistenceContext(unitName = "beacon")
    EntityManager em;

    @Override
    public Map<String, Alarm> byReductionKeys(Collection<String> keys) {
        Map<String, Alarm> out = new HashMap<>(keys.size() * 2);
        for (List<String> chunk : Chunks.of(keys, IN_CHUNK)) {
            for (Alarm a : em.createQuery("select a from Alarm a where a.reductionKey in :k", Alarm.class)
                    .setParameter("k", chunk).getResultList()) {
                out.put(a.getReductionKey(), a);
            }
        }
        return out;
    }

    @Override
    public void add(Alarm alarm) {
        em.persist(alarm);
    }

    @Override
    public Optional<Alarm> byId(long id) {
        return Optional.ofNullable(em.find(Alarm.class, id));
    }

    @Override
    public Map<Long, Alarm> byIds(Collection<Long> ids) {
        Map<Long, Alarm> out = new HashMap<>(ids.size() * 2);
        for (List<Long> chunk : Chunks.of(ids, IN_CHUNK)) {
            for (Alarm a : em.createQuery("select a from Alarm a where a.id in :ids", Alarm.class)
                    .setParameter("ids", chunk).getResultList()) {
                out.put(a.getId(), a);
            }
        }
        return out;
    }

    @Override
    public List<Alarm> byIncident(long ticketId) {
        return em.createQuery("select a from Alarm a where a.incidentId = :t order by a.id", Alarm.class)
                .setParameter("t", ticketId).getResultList();
    }

    @Override
    public Map<Long, List<Alarm>> byIncidents(Collection<Long> ticketIds) {
        Map<Long, List<Alarm>> out = new LinkedHashMap<>();
        if (ticketIds.isEmpty()) {
            return out;
        }
        for (Alarm a : em.createQuery("select a from Alarm a where a.incidentId in :t order by a.id", Alarm.class)
                .setParameter("t", ticketIds).getResultList()) {
            out.computeIfAbsent(a.getIncidentId(), k -> new ArrayList<>()).add(a);
        }
        return out;
    }

    @Override
    public Page<Alarm> list(AlarmFilter f, String sort, PageRequest page) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            where.append(" and a.status in :st");
            params.put("st", f.statuses());
        }
        if (f.severities() != null && !f.severities().isEmpty()) {
            where.append(" and a.severity in :sv");
            params.put("sv", f.severities());
        }
        if (f.ciId() != null) {
            where.append(" and a.ciId = :ci");
            params.put("ci", f.ciId());
        }
        if (f.sources() != null && !f.sources().isEmpty()) {
            where.append(" and a.source in :so");
            params.put("so", f.sources());
        }
        if (f.incidentKey() != null) {
            where.append(" and a.incidentKey = :ik");
            params.put("ik", f.incidentKey());
        }
        if (f.q() != null && !f.q().isBlank()) {
            where.append(" and (lower(a.name) like :q or lower(a.message) like :q or lower(a.ciName) like :q"
                    + " or lower(a.reductionKey) like :q)");
            params.put("q", "%" + f.q().trim().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
        }
        TypedQuery<Alarm> items = em.createQuery("select a from Alarm a" + where + " order by " + orderBy(sort), Alarm.class);
        TypedQuery<Long> count = em.createQuery("select count(a) from Alarm a" + where, Long.class);
        params.forEach((k, v) -> {
            items.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<Alarm> list = items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return new Page<>(list, Page.totalOf(list, page, count::getSingleResult), page.page(), page.size());
    }

    /** {@code -lastSeen} (default), {@code severity}, {@code firstSeen}, {@code count}...; "-" for descending. */
    static String orderBy(String sort) {
        String s = sort == null || sort.isBlank() ? "-lastSeen" : sort.trim();
        boolean desc = s.startsWith("-");
        String field = SORTS.get((desc ? s.substring(1) : s).toLowerCase(Locale.ROOT));
        if (field == null) {
            throw new InvalidInputException("sort", "must be one of lastSeen, firstSeen, count, severity, name, id (with - for descending)");
        }
        if (field.equals("a.severity")) {
            // by rank, worst first unless "-severity"... the natural reading: severity = worst first
            String rank = "case a.severity when io.beacon.event.domain.Severity.CRITICAL then 7"
                    + " when io.beacon.event.domain.Severity.MAJOR then 6 when io.beacon.event.domain.Severity.MINOR then 5"
                    + " when io.beacon.event.domain.Severity.WARNING then 4 when io.beacon.event.domain.Severity.NORMAL then 3"
                    + " when io.beacon.event.domain.Severity.CLEARED then 2 else 1 end";
            return rank + (desc ? " asc" : " desc") + ", a.lastSeen desc, a.id desc";
        }
        return field + (desc ? " desc" : " asc") + ", a.id" + (desc ? " desc" : " asc");
    }

    @Override
    public Map<Severity, Long> activeBySeverity() {
        Map<Severity, Long> out = new EnumMap<>(Severity.class);
        for (Object[] row : em.createQuery("select a.severity, count(a) from Alarm a where a.status = :s group by a.severity",
                Object[].class).setParameter("s", AlarmStatus.ACTIVE).getResultList()) {
            out.put((Severity) row[0], ((Number) row[1]).longValue());
        }
        return out;
    }

    @Override
    public List<Long> activeWithoutIncident(Collection<Severity> severities, int max) {
        return em.createQuery("select a.id from Alarm a where a.status = :s and a.incidentId is null"
                        + " and a.suppressionKind is null and a.severity in :sv order by a.id", Long.class)
                .setParameter("s", AlarmStatus.ACTIVE).setParameter("sv", severities).setMaxResults(max).getResultList();
    }

    @Override
    public List<Alarm> awaitingCorrelation(int max) {
        return em.createQuery("select a from Alarm a where a.awaitingCorrelation is not null order by a.id", Alarm.class)
                .setMaxResults(max).getResultList();
    }

    @Override
    public List<Alarm> activeWithoutCiFrom(Collection<String> addressesOrHosts, int max) {
        List<String> wanted = addressesOrHosts.stream().filter(Objects::nonNull).map(String::strip)
                .filter(v -> !v.isEmpty()).map(v -> v.toLowerCase(Locale.ROOT)).distinct().toList();
        if (wanted.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select a from Alarm a where a.status = :s and a.ciId is null"
                        + " and lower(a.sourceAddress) in :wanted order by a.id", Alarm.class)
                .setParameter("s", AlarmStatus.ACTIVE).setParameter("wanted", wanted).setMaxResults(max)
                .getResultList();
    }

    @Override
    public List<Alarm> correlated(int max) {
        return em.createQuery("select a from Alarm a where (a.status = :active and (a.incidentId is not null"
                        + " or a.suppressionKind is not null)) or (a.flapping = true and a.incidentId is not null)"
                        + " order by a.id", Alarm.class)
                .setParameter("active", AlarmStatus.ACTIVE).setMaxResults(max).getResultList();
    }

    @Override
    public List<Alarm> byChangeKey(String changeKey, int max) {
        return em.createQuery("select a from Alarm a where a.changeKey = :k order by a.id", Alarm.class)
                .setParameter("k", changeKey).setMaxResults(max).getResultList();
    }

    @Override
    public void flush() {
        em.flush();
    }

    @Override
    public void flushAndClear() {
        em.flush();
        em.clear();
    }
}
