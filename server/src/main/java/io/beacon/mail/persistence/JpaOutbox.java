package io.beacon.mail.persistence;

import io.beacon.mail.domain.Outbox;
import io.beacon.mail.domain.OutboxMail;
import io.beacon.platform.domain.Page;
import io.beacon.platform.domain.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaOutbox implements Outbox {
    @PersistenceContext(unitName = "beacon")
    EntityManager em;

    @Override
    public OutboxMail add(OutboxMail mail) {
        em.persist(mail);
        return mail;
    }

    @Override
    public Optional<OutboxMail> byId(long id) {
        return Optional.ofNullable(em.find(OutboxMail.class, id));
    }

    @Override
    public List<OutboxMail> due(Instant now, int max) {
        return em.createQuery("select m from OutboxMail m where m.status = 'PENDING' and m.nextAttemptAt <= :now"
                + " order by m.nextAttemptAt, m.id", OutboxMail.class)
                .setParameter("now", now).setMaxResults(max).getResultList();
    }

    @Override
    public Page<OutboxMail> list(OutboxMail.Status status, PageRequest page) {
        String where = status == null ? "" : " where m.status = :s";
        var items = em.createQuery("select m from OutboxMail m" + where + " order by m.createdAt desc, m.id desc",
                OutboxMail.class);
        var count = em.createQuery("select count(m) from OutboxMail m" + where, Long.class);
        if (status != null) {
            items.setParameter("s", status.name());
            count.setParameter("s", status.name());
        }
        return new Page<>(items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList(),
                count.getSingleResult(), page.page(), page.size());
    }

    @Override
    public long countSince(String recipient, String kind, Instant since) {
        return em.createQuery("select count(m) from OutboxMail m where m.recipient = :r and m.kind = :k"
                + " and m.createdAt >= :since", Long.class)
                .setParameter("r", recipient).setParameter("k", kind).setParameter("since", since).getSingleResult();
    }

    @Override
    public long count(OutboxMail.Status status) {
        return em.createQuery("select count(m) from OutboxMail m where m.status = :s", Long.class)
                .setParameter("s", status.name()).getSingleResult();
    }
}
