package io.beacon.ticket.persistence;

import io.beacon.ticket.domain.LinkKind;
import io.beacon.ticket.domain.TicketLink;
import io.beacon.ticket.domain.TicketLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaTicketLinks implements TicketLinks {
    @PersistenceContext(unitName = "beacon")
    EntityManager em;

    @Override
    public TicketLink add(TicketLink link) {
        em.persist(link);
        return link;
    }

    @Override
    public List<TicketLink> of(long ticketId) {
        return em.createQuery("SELECT l FROM TicketLink l WHERE l.sourceId = :t OR l.targetId = :t ORDER BY l.id",
                TicketLink.class).setParameter("t", ticketId).getResultList();
    }

    @Override
    public Optional<TicketLink> byId(long id) {
        return Optional.ofNullable(em.find(TicketLink.class, id));
    }

    @Override
    public Optional<TicketLink> between(long a, long b, LinkKind kind) {
        return em.createQuery("SELECT l FROM TicketLink l WHERE l.kind = :k AND ((l.sourceId = :a AND l.targetId = :b)"
                + " OR (l.sourceId = :b AND l.targetId = :a))", TicketLink.class)
                .setParameter("k", kind).setParameter("a", a).setParameter("b", b)
                .setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public void remove(TicketLink link) {
        em.remove(link);
    }

    @Override
    public int[] moveActivity(long fromTicketId, long toTicketId) {
        em.flush();
        int comments = em.createQuery("UPDATE TicketComment c SET c.ticketId = :to WHERE c.ticketId = :from")
                .setParameter("to", toTicketId).setParameter("from", fromTicketId).executeUpdate();
        int attachments = em.createQuery("UPDATE TicketAttachment a SET a.ticketId = :to WHERE a.ticketId = :from")
                .setParameter("to", toTicketId).setParameter("from", fromTicketId).executeUpdate();
        em.clear(); // what was read before the move is stale now
        return new int[] {comments, attachments};
    }
}
