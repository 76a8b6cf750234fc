package io.beacon.cmdb.persistence;

import io.beacon.cmdb.domain.CiFilter;
import io.beacon.cmdb.domain.CiIdentity;
import io.beacon.cmdb.domain.CiRef;
import io.beacon.cmdb.domain.CiType;
import io.beacon.cmdb.domain.ConfigurationItem;
import io.beacon.cmdb.domain.ConfigurationItems;
import io.beacon.platform.domain.Page;
import io.beacon.platform.domain.PageRequest;
import io.beacon.platform.persistence.Chunks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class JpaConfigurationItems implements ConfigurationItems {
    @PersistenceContext(unitName = "beacon")
    EntityManager em;

    @Override
    public Set<Long> existingIds(Collection<Long> ids) {
        Set<Long> found = new HashSet<>();
        for (List<Long> chunk : Chunks.of(new LinkedHashSet<>(ids), Chunks.IN_LIST)) {
            found.addAll(em.createQuery("select c.id from ConfigurationItem c where c.id in :ids", Long.class)
                    .setParameter("ids", chunk).getResultList());
        }
        return found;
    }

    @Override
    public Optional<Long> idByName(String name) {
        return em.createQuery("select c.id from ConfigurationItem c where c.name = :n", Long.class)
                .setParameter("n", name).getResultStream().findFirst();
    }

    @Override
    public Map<Long, String> namesOf(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        refsOf(ids).forEach((id, ref) -> names.put(id, ref.name()));
        return names;
    }

    @Override
    public Optional<ConfigurationItem> byId(long id) {
        return Optional.ofNullable(em.find(ConfigurationItem.class, id));
    }

    @Override
    public Optional<ConfigurationItem> byName(String name) {
        return em.createQuery("select c from ConfigurationItem c where c.name = :n", ConfigurationItem.class)
                .setParameter("n", name).getResultStream().findFirst();
    }

    @Override
    public Page<ConfigurationItem> list(CiFilter f, PageRequest page) {
        List<Long> byIp = null;
        if (f.ip() != null) {
            // Straight on the address index; the items are then fetched by primary key.
            byIp = em.createQuery("select distinct c.id from ConfigurationItem c join c.ipAddresses ip where ip = :ip",
                    Long.class).setParameter("ip", f.ip()).getResultList();
            if (byIp.isEmpty()) {
                return new Page<>(List.of(), 0, page.page(), page.size());
            }
        }
        StringBuilder where = new StringBuilder(" where 1=1");
        Map<String, Object> params = new HashMap<>();
        if (byIp != null) {
            where.append(" and c.id in :ids");
            params.put("ids", byIp);
        }
        if (f.name() != null) {
            where.append(" and lower(c.name) like :name");
            params.put("name", like(f.name()));
        }
        if (f.type() != null) {
            where.append(" and c.type = :type");
            params.put("type", f.type());
        }
        if (f.q() != null) {
            where.append(" and (lower(c.name) like :q or c.hostname like :q)");
            params.put("q", like(f.q()));
        }
        if (f.ownerGroup() != null) {
            where.append(" and c.ownerGroup = :owner");
            params.put("owner", f.ownerGroup());
        }
        TypedQuery<ConfigurationItem> items = em.createQuery(
                "select c from ConfigurationItem c" + where + " order by c.name", ConfigurationItem.class);
        TypedQuery<Long> count = em.createQuery("select count(c) from ConfigurationItem c" + where, Long.class);
        params.forEach((k, v) -> {
            items.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<ConfigurationItem> list = items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        long total = list.size() < page.size() && (page.page() == 0 || !list.isEmpty())
                ? page.offset() + list.size() : count.getSingleResult();
        return new Page<>(list, total, page.page(), page.size());
    }

    private static String like(String s) {
        String escaped = s.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    @Override
    public Map<String, Long> idsByNames(Collection<String> names) {
        Map<String, Long> ids = new HashMap<>();
        for (List<String> chunk : Chunks.of(new LinkedHashSet<>(names), Chunks.IN_LIST)) {
            for (Object[] row : em.createQuery("select c.name, c.id from ConfigurationItem c where c.name in :n",
                    Object[].class).setParameter("n", chunk).getResultList()) {
                ids.put((String) row[0], (Long) row[1]);
            }
        }
        return ids;
    }

    @Override
    public List<ConfigurationItem> withDetails(Collection<Long> ids) {
        List<ConfigurationItem> items = new ArrayList<>();
        for (List<Long> chunk : Chunks.of(new LinkedHashSet<>(ids), 500)) {
            items.addAll(em.createQuery("select distinct c from ConfigurationItem c left join fetch c.ipAddresses"
                    + " left join fetch c.attributes where c.id in :ids", ConfigurationItem.class)
                    .setParameter("ids", chunk).getResultList());
        }
        return items;
    }

    @Override
    public Map<Long, CiRef> refsOf(Collection<Long> ids) {
        Map<Long, CiRef> refs = new HashMap<>();
        for (List<Long> chunk : Chunks.of(new LinkedHashSet<>(ids), Chunks.IN_LIST)) {
            for (Object[] row : em.createQuery("select c.id, c.name, c.type from ConfigurationItem c where c.id in :ids",
                    Object[].class).setParameter("ids", chunk).getResultList()) {
                refs.put((Long) row[0], new CiRef((Long) row[0], (String) row[1], (CiType) row[2]));
            }
        }
        return refs;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<CiIdentity> identities() {
        Map<Long, List<String>> ips = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT ci_id, ip_address FROM ci_ip_address")
                .getResultList()) {
            ips.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add((String) r[1]);
        }
        List<CiIdentity> out = new ArrayList<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery(
                "SELECT id, version, name, hostname, owner_group FROM configuration_item").getResultList()) {
            long id = ((Number) r[0]).longValue();
            out.add(new CiIdentity(id, ((Number) r[1]).longValue(), (String) r[2], (String) r[3],
                    Set.copyOf(ips.getOrDefault(id, List.of())), (String) r[4]));
        }
        return out;
    }

    @Override
    public ConfigurationItem add(ConfigurationItem item) {
        em.persist(item);
        return item;
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
