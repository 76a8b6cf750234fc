package io.beacon.ticket.persistence;

import io.beacon.ticket.domain.CannedResponse;
import io.beacon.ticket.domain.CannedResponses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaCannedResponses implements CannedResponses {
    @PersistenceContext(unitName = "beacon")
    EntityManager em;

    @Override
    public CannedResponse add(CannedResponse response) {
        em.persist(response);
        return response;
    }

    @Override
    public Optional<CannedResponse> byId(long id) {
        return Optional.ofNullable(em.find(CannedResponse.class, id));
    }

    @Override
    public Optional<CannedResponse> byName(String name) {
        return em.createQuery("SELECT c FROM CannedResponse c WHERE LOWER(c.name) = LOWER(:n)", CannedResponse.class)
                .setParameter("n", name).setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public List<CannedResponse> all() {
        return em.createQuery("SELECT c FROM CannedResponse c ORDER BY c.name", CannedResponse.class).getResultList();
    }

    @Override
    public void remove(CannedResponse response) {
        em.remove(response);
    }
}
