package io.beacon.identity.persistence;

import io.beacon.identity.domain.User;
import io.beacon.identity.domain.Users;
import io.beacon.platform.domain.Page;
import io.beacon.platform.domain.PageRequest;
import io.beacon.platform.domain.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class JpaUsers implements Users {
    @PersistenceContext(unitName = "beacon")
    EntityManager em;

    @Override
    public Optional<User> byId(long id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    @Override
    public Optional<User> byUsername(String username) {
        return em.createQuery("select u from User u where u.username = :n", User.class)
                .setParameter("n", username).getResultStream().findFirst();
    }

    @Override
    public Optional<User> byEmail(String email) {
        // Addresses are stored lower-case (User.setEmail), so the index on email answers this: mail intake asks
        // it for every mail, and lower(email) read every user row.
        return em.createQuery("select u from User u where u.email = :e order by u.id", User.class)
                .setParameter("e", User.normalEmail(email)).setMaxResults(1)
                .getResultStream().findFirst();
    }

    @Override
    public Page<User> list(String query, Role role, PageRequest page) {
        String where = " where 1=1"
                + (query == null ? "" : " and (lower(u.username) like :q or lower(u.displayName) like :q or lower(u.email) like :q or u.phone like :q)")
                + (role == null ? "" : " and :role member of u.roles");
        TypedQuery<User> items = em.createQuery("select u from User u" + where + " order by u.username", User.class);
        TypedQuery<Long> count = em.createQuery("select count(u) from User u" + where, Long.class);
        if (query != null) {
            String like = "%" + query.toLowerCase(Locale.ROOT) + "%";
            items.setParameter("q", like);
            count.setParameter("q", like);
        }
        if (role != null) {
            items.setParameter("role", role);
            count.setParameter("role", role);
        }
        List<User> list = items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return new Page<>(list, Page.totalOf(list, page, count::getSingleResult), page.page(), page.size());
    }

    @Override
    public boolean any(Role role) {
        return !em.createQuery("select u.id from User u where :r member of u.roles", Long.class)
                .setParameter("r", role).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public User add(User user) {
        em.persist(user);
        return user;
    }
}
