package io.beacon.notification.application;

import io.beacon.platform.domain.Actor;
import io.beacon.platform.live.LiveAudience;
import io.beacon.platform.live.LiveUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Predicate;

/** A notification's live update reaches its recipient alone (the update's id is their user name). */
@ApplicationScoped
public class NotificationLiveAudience implements LiveAudience {
    @Override
    public boolean handles(String topic) {
        return NotificationService.TOPIC.equals(topic);
    }

    @Override
    public Predicate<Actor> audienceOf(LiveUpdate update) {
        String recipient = update.id();
        return actor -> recipient != null && recipient.equals(actor.username());
    }
}
