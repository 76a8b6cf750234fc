package io.beacon.notification.application;

import io.beacon.notification.domain.Notification;
import io.beacon.notification.domain.Notifications;
import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.NotFoundException;
import io.beacon.platform.live.LiveUpdate;
import io.beacon.ticket.application.TicketMention;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Notifications: an agent {@code @mentioned} in a note gets one, written in the note's transaction; after
 * the commit the console hears of it live (topic {@value #TOPIC}, only on the recipient's own streams).
 */
@ApplicationScoped
@Transactional
public class NotificationService {
    public static final String TOPIC = "notification";
    /** How many a user's list shows. */
    static final int LIST_MAX = 50;

    @Inject
    Notifications notifications;

    @Inject
    Clock clock;

    @Inject
    Event<LiveUpdate> live;

    /** A user's newest notifications and how many of all of theirs are unread. */
    public record Inbox(List<Notification> items, long unread) {}

    void onMention(@Observes TicketMention mention) {
        for (String recipient : mention.recipients()) {
            notifications.add(new Notification(recipient, Notification.MENTION, mention.author(), mention.ticketId(),
                    mention.key(), mention.title(), mention.note(), clock.instant()));
        }
    }

    void afterMention(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketMention mention) {
        // The update names its recipient (NotificationLiveAudience sends it to them alone) and the ticket.
        mention.recipients().forEach(r -> live.fire(new LiveUpdate(TOPIC, "created", r, mention.key())));
    }

    public Inbox inbox(Actor actor) {
        return new Inbox(notifications.of(actor.username(), LIST_MAX), notifications.unread(actor.username()));
    }

    public Notification markRead(Actor actor, long id) {
        Notification n = notifications.byId(id).filter(x -> x.getRecipient().equals(actor.username()))
                .orElseThrow(() -> new NotFoundException("notification", String.valueOf(id)));
        n.markRead(clock.instant());
        return n;
    }

    public int markAllRead(Actor actor) {
        return notifications.markAllRead(actor.username(), clock.instant());
    }
}
