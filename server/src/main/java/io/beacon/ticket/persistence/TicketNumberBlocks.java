package io.beacon.ticket.persistence;

import io.beacon.ticket.domain.TicketType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Reserves ticket numbers a block at a time from the type's counter row, in a transaction of its own:
 * the row is locked only for that short commit, never for the caller's whole transaction (an event
 * writer opening a storm's incidents, an API client creating a ticket), and the block is committed
 * before any of its numbers is used, so a rollback or crash leaves a gap, never a number given twice.
 */
@ApplicationScoped
public class TicketNumberBlocks {
    @PersistenceContext(unitName = "beacon")
    EntityManager em;

    /** The first of {@code count} consecutive numbers now the caller's alone. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long reserve(TicketType type, int count) {
        return take(type, count);
    }

    /** The same inside the caller's rehearsal, so that its rollback takes the numbers back. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long reserveInRehearsal(TicketType type, int count) {
        return take(type, count);
    }

    private long take(TicketType type, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        int updated = em.createNativeQuery("UPDATE ticket_number SET last_number = last_number + ?1 WHERE ticket_type = ?2")
                .setParameter(1, count).setParameter(2, type.code()).executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("no number series for ticket type " + type.code());
        }
        Number last = (Number) em.createNativeQuery("SELECT last_number FROM ticket_number WHERE ticket_type = ?1")
                .setParameter(1, type.code()).getSingleResult();
        return last.longValue() - count + 1;
    }
}
