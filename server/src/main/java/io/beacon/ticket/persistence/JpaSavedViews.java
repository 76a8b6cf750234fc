package io.beacon.ticket.persistence;

import io.beacon.ticket.domain.SavedView;
import io.beacon.ticket.domain.SavedViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaSavedViews implements SavedViews {
    @PersistenceContext(unitName = "beacon")
    EntityManager em;

    @Override
    public SavedView add(SavedView view) {
        em.persist(view);
        return view;
    }

    @Override
    public Optional<SavedView> byId(long id) {
        return Optional.ofNullable(em.find(SavedView.class, id));
    }

    @Override
    public Optional<SavedView> byOwnerAndName(String owner, String name) {
        return em.createQuery("select v from SavedView v where v.owner = :o and v.name = :n", SavedView.class)
                .setParameter("o", owner).setParameter("n", name).getResultStream().findFirst();
    }

    @Override
    public List<SavedView> visibleTo(String owner, Collection<Long> groupIds) {
        String shared = groupIds.isEmpty() ? "" : " or v.groupId in :groups";
        var q = em.createQuery("select v from SavedView v where v.owner = :o" + shared + " order by v.name, v.id",
                SavedView.class).setParameter("o", owner);
        if (!groupIds.isEmpty()) {
            q.setParameter("groups", List.copyOf(groupIds));
        }
        return q.setMaxResults(500).getResultList();
    }

    @Override
    public void remove(SavedView view) {
        em.remove(view);
    }
}
