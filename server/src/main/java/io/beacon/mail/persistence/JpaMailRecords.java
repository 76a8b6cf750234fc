package io.beacon.mail.persistence;

import io.beacon.mail.domain.MailRecord;
import io.beacon.mail.domain.MailRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaMailRecords implements MailRecords {
    @PersistenceContext(unitName = "beacon")
    EntityManager em;

    @Override
    public MailRecord add(MailRecord record) {
        em.persist(record);
        em.flush(); // a duplicate Message-ID fails here, inside the caller's transaction
        return record;
    }

    @Override
    public Optional<MailRecord> byMessageId(String messageId) {
        if (messageId == null) {
            return Optional.empty();
        }
        return em.createQuery("select r from MailRecord r where r.messageId = :id", MailRecord.class)
                .setParameter("id", messageId).getResultStream().findFirst();
    }

    @Override
    public Optional<MailRecord> firstWithTicket(Collection<String> messageIds) {
        List<String> ids = messageIds.stream().filter(id -> id != null && id.length() <= MailRecord.ID_MAX)
                .limit(100).toList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        List<MailRecord> found = em.createQuery(
                "select r from MailRecord r where r.messageId in :ids and r.ticketId is not null", MailRecord.class)
                .setParameter("ids", ids).getResultList();
        for (String id : ids) {
            for (MailRecord r : found) {
                if (r.getMessageId().equals(id)) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public List<MailRecord> thread(long ticketId) {
        return em.createQuery("select r from MailRecord r where r.ticketId = :t"
                + " and (r.direction = 'OUT' or r.outcome not like 'rejected%') order by r.recordedAt, r.id",
                MailRecord.class).setParameter("t", ticketId).getResultList();
    }
}
