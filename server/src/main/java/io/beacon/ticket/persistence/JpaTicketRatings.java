package io.beacon.ticket.persistence;

import io.beacon.ticket.domain.TicketRating;
import io.beacon.ticket.domain.TicketRatings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaTicketRatings implements TicketRatings {
    @PersistenceContext(unitName = "beacon")
    EntityManager em;

    @Override
    public TicketRating add(TicketRating rating) {
        em.persist(rating);
        em.flush(); // a second rating of the same resolution meets the unique key here, inside the call
        return rating;
    }

    @Override
    public List<TicketRating> of(long ticketId) {
        return em.createQuery("select r from TicketRating r where r.ticketId = :t order by r.ratedAt, r.id", TicketRating.class)
                .setParameter("t", ticketId).getResultList();
    }

    @Override
    public Optional<TicketRating> forResolution(long ticketId, Instant resolvedAt) {
        return em.createQuery("select r from TicketRating r where r.ticketId = :t and r.resolvedAt = :at", TicketRating.class)
                .setParameter("t", ticketId).setParameter("at", resolvedAt).getResultStream().findFirst();
    }
}
