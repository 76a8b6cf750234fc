package io.beacon.notification.persistence;

import io.beacon.notification.domain.Notification;
import io.beacon.notification.domain.Notifications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaNotifications implements Notifications {
    @PersistenceContext(unitName = "beacon")
    EntityManager em;

    @Override
    public Notification add(Notification notification) {
        em.persist(notification);
        return notification;
    }

    @Override
    public Optional<Notification> byId(long id) {
        return Optional.ofNullable(em.find(Notification.class, id));
    }

    @Override
    public List<Notification> of(String recipient, int max) {
        return em.createQuery("SELECT n FROM Notification n WHERE n.recipient = :r ORDER BY n.createdAt DESC, n.id DESC",
                Notification.class).setParameter("r", recipient).setMaxResults(max).getResultList();
    }

    @Override
    public long unread(String recipient) {
        return em.createQuery("SELECT COUNT(n) FROM Notification n WHERE n.recipient = :r AND n.readAt IS NULL", Long.class)
                .setParameter("r", recipient).getSingleResult();
    }

    @Override
    public int markAllRead(String recipient, Instant now) {
        return em.createQuery("UPDATE Notification n SET n.readAt = :now WHERE n.recipient = :r AND n.readAt IS NULL")
                .setParameter("now", now).setParameter("r", recipient).executeUpdate();
    }
}
