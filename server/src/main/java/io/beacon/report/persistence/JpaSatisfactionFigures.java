package io.beacon.report.persistence;

import io.beacon.report.domain.SatisfactionFigures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** Ratings by the time they were given ({@code ix_ticket_rating_rated_at}); three small columns each. */
@ApplicationScoped
public class JpaSatisfactionFigures implements SatisfactionFigures {
    @PersistenceContext(unitName = "beacon")
    EntityManager em;

    @Override
    public List<Rated> ratings(Instant start, Instant end) {
        return em.createQuery("select r.ratedAt, r.groupId, r.score from TicketRating r"
                        + " where r.ratedAt >= :start and r.ratedAt < :end", Object[].class)
                .setParameter("start", start).setParameter("end", end).getResultStream()
                .map(row -> new Rated((Instant) row[0], (Long) row[1], (Integer) row[2])).toList();
    }
}
