package io.beacon.change.persistence;

import io.beacon.change.domain.ChangeTemplate;
import io.beacon.change.domain.ChangeTemplates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaChangeTemplates implements ChangeTemplates {
    @PersistenceContext(unitName = "beacon")
    EntityManager em;

    @Override
    public ChangeTemplate add(ChangeTemplate template) {
        em.persist(template);
        em.flush();
        return template;
    }

    @Override
    public Optional<ChangeTemplate> byId(long id) {
        return Optional.ofNullable(em.find(ChangeTemplate.class, id));
    }

    @Override
    public Optional<ChangeTemplate> byName(String name) {
        return em.createQuery("select t from ChangeTemplate t where lower(t.name) = lower(:n)", ChangeTemplate.class)
                .setParameter("n", name.strip()).getResultStream().findFirst();
    }

    @Override
    public List<ChangeTemplate> all() {
        return em.createQuery("select t from ChangeTemplate t order by t.name, t.id", ChangeTemplate.class)
                .setMaxResults(1000).getResultList();
    }

    @Override
    public void remove(ChangeTemplate template) {
        em.remove(template);
    }
}
