package io.beacon.identity.persistence;

import io.beacon.identity.domain.Organisation;
import io.beacon.identity.domain.Organisations;
import io.beacon.identity.domain.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JpaOrganisations implements Organisations {
    @PersistenceContext(unitName = "beacon")
    EntityManager em;

    @Override
    public Optional<Organisation> byId(long id) {
        return Optional.ofNullable(em.find(Organisation.class, id));
    }

    @Override
    public Optional<Organisation> byName(String name) {
        return em.createQuery("select o from Organisation o where lower(o.name) = :n", Organisation.class)
                .setParameter("n", name.strip().toLowerCase(Locale.ROOT)).getResultStream().findFirst();
    }

    @Override
    public List<Organisation> list(String query, int max) {
        var q = em.createQuery("select o from Organisation o" + (query == null ? "" : " where lower(o.name) like :q")
                + " order by o.name", Organisation.class);
        if (query != null) {
            q.setParameter("q", "%" + query.toLowerCase(Locale.ROOT) + "%");
        }
        return q.setMaxResults(max).getResultList();
    }

    @Override
    public Map<Long, Long> memberCounts() {
        Map<Long, Long> out = new HashMap<>();
        for (Object[] row : em.createQuery("select u.organisation.id, count(u) from User u where u.organisation is not null"
                + " group by u.organisation.id", Object[].class).getResultList()) {
            out.put((Long) row[0], (Long) row[1]);
        }
        return out;
    }

    @Override
    public List<User> members(Organisation organisation) {
        return em.createQuery("select u from User u where u.organisation = :o order by u.displayName, u.username", User.class)
                .setParameter("o", organisation).setMaxResults(1000).getResultList();
    }

    @Override
    public Organisation add(Organisation organisation) {
        em.persist(organisation);
        return organisation;
    }
}
