package io.beacon.notification.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The notifications of every user. */
public interface Notifications {
    Notification add(Notification notification);

    Optional<Notification> byId(long id);

    /** A user's newest notifications first, at most {@code max}. */
    List<Notification> of(String recipient, int max);

    long unread(String recipient);

    /** Marks all of a user's unread notifications read; answers how many. */
    int markAllRead(String recipient, Instant now);
}
