package io.beacon.sla.persistence;

import io.beacon.sla.domain.TicketSla;
import io.beacon.sla.domain.TicketSlas;
import io.beacon.ticket.domain.Ticket;
import io.beacon.ticket.domain.TicketStatus;
import io.beacon.ticket.domain.TicketType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JpaTicketSlas implements TicketSlas {
    /** No bound on the creation time, as a timestamp every database stores (Instant.MAX is beyond them). */
    private static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

    @PersistenceContext(unitName = "beacon")
    EntityManager em;

    @Override
    public void add(TicketSla sla) {
        em.persist(sla);
    }

    @Override
    public Optional<TicketSla> byTicket(long ticketId) {
        return Optional.ofNullable(em.find(TicketSla.class, ticketId));
    }

    @Override
    public Map<Long, TicketSla> byTickets(Collection<Long> ticketIds) {
        Map<Long, TicketSla> out = new HashMap<>();
        if (!ticketIds.isEmpty()) {
            em.createQuery("select s from TicketSla s where s.ticketId in :ids", TicketSla.class)
                    .setParameter("ids", ticketIds).getResultList().forEach(s -> out.put(s.getTicketId(), s));
        }
        return out;
    }

    @Override
    public List<Unwatched> unwatched(int max) {
        return unwatched(max, LATEST);
    }

    @Override
    public List<Unwatched> unwatched(int max, Instant createdBefore) {
        return em.createQuery("select t.id, t.key, t.status from Ticket t where t.type in :types and t.status not in :done"
                        + " and t.createdAt < :before"
                        + " and not exists (select s from TicketSla s where s.ticketId = t.id) order by t.id", Object[].class)
                .setParameter("types", List.of(TicketType.INCIDENT, TicketType.SERVICE_REQUEST))
                .setParameter("done", List.of(TicketStatus.RESOLVED, TicketStatus.CLOSED))
                .setParameter("before", createdBefore)
                .setMaxResults(max).getResultList().stream()
                .map(r -> new Unwatched((Long) r[0], (String) r[1], ((TicketStatus) r[2]).code())).toList();
    }

    @Override
    public Optional<Unwatched> unwatchedLocked(long ticketId) {
        Ticket t = em.find(Ticket.class, ticketId, LockModeType.PESSIMISTIC_WRITE);
        if (t == null || t.getType() == TicketType.PROBLEM || em.find(TicketSla.class, ticketId) != null) {
            return Optional.empty();
        }
        return Optional.of(new Unwatched(t.getId(), t.getKey(), t.getStatus().code()));
    }

    @Override
    public List<Long> ticketIds(boolean atRisk, boolean breached) {
        String breach = "(s.responseBreached = true or s.resolutionBreached = true)";
        String risk = "(s.resolvedAt is null and not " + breach
                + " and ((s.responseAtRisk = true and s.respondedAt is null) or s.resolutionAtRisk = true))";
        String where = atRisk && breached ? risk + " or " + breach : atRisk ? risk : breached ? breach : "1 = 0";
        return em.createQuery("select s.ticketId from TicketSla s where " + where, Long.class).setMaxResults(10_000)
                .getResultList();
    }
}
