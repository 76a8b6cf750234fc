package io.beacon.ticket.application;

import io.beacon.platform.live.LiveUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * Turns committed ticket activity into live updates for the console. An internal note travels as
 * kind {@code note} (so does an internal file), so that the audience rule can keep it from requesters.
 */
@ApplicationScoped
public class TicketLiveFeed {
    public static final String TOPIC = "ticket";

    @Inject
    Event<LiveUpdate> live;

    void onActivity(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketActivity activity) {
        live.fire(toUpdate(activity));
    }

    static LiveUpdate toUpdate(TicketActivity activity) {
        // An internal note or an internal file (from a mail that became a note) both travel as "note".
        String kind = activity.internal() ? "note" : activity.kind().name().toLowerCase(Locale.ROOT);
        return new LiveUpdate(TOPIC, kind, String.valueOf(activity.ticketId()), activity.key());
    }
}
