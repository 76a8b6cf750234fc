package io.beacon.identity.persistence;

import io.beacon.identity.domain.Groups;
import io.beacon.identity.domain.User;
import io.beacon.identity.domain.UserGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaGroups implements Groups {
    @PersistenceContext(unitName = "beacon")
    EntityManager em;

    @Override
    public Optional<UserGroup> byId(long id) {
        return Optional.ofNullable(em.find(UserGroup.class, id));
    }

    @Override
    public Optional<UserGroup> byName(String name) {
        return em.createQuery("select g from UserGroup g where g.name = :n", UserGroup.class)
                .setParameter("n", name).getResultStream().findFirst();
    }

    @Override
    public List<UserGroup> all() {
        return em.createQuery("select g from UserGroup g order by g.name", UserGroup.class).getResultList();
    }

    @Override
    public List<UserGroup> ofMember(User user) {
        return em.createQuery("select g from UserGroup g join g.members m where m.id = :u order by g.name",
                UserGroup.class).setParameter("u", user.getId()).getResultList();
    }

    @Override
    public UserGroup add(UserGroup group) {
        em.persist(group);
        return group;
    }
}
