package io.beacon.event.ingest.persistence;

import io.beacon.event.ingest.application.CiSnapshotSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the CMDB's addresses in two flat queries (15,000 CIs in well under a second), for the
 * event area's CI index. Reads the CMDB tables directly: the CMDB's entity API loads whole CIs.
 */
@ApplicationScoped
public class JpaCiSnapshotSource implements CiSnapshotSource {
    @PersistenceContext(unitName = "beacon")
    EntityManager em;

    @Override
    public String stamp() {
        Object[] row = (Object[]) em.createNativeQuery(
                "SELECT COUNT(*), MAX(updated_at), MAX(id) FROM configuration_item").getSingleResult();
        Object ips = em.createNativeQuery("SELECT COUNT(*) FROM ci_ip_address").getSingleResult();
        return row[0] + "/" + row[1] + "/" + row[2] + "/" + ips;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<CiAddressRow> load() {
        Map<Long, List<String>> ips = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT ci_id, ip_address FROM ci_ip_address").getResultList()) {
            ips.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add((String) r[1]);
        }
        List<CiAddressRow> out = new ArrayList<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT id, name, hostname FROM configuration_item")
                .getResultList()) {
            long id = ((Number) r[0]).longValue();
            out.add(new CiAddressRow(id, (String) r[1], (String) r[2], ips.getOrDefault(id, List.of())));
        }
        return out;
    }
}
