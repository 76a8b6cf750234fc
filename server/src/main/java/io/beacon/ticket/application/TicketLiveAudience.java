package io.beacon.ticket.application;

import io.beacon.platform.domain.Actor;
import io.beacon.platform.live.LiveAudience;
import io.beacon.platform.live.LiveUpdate;
import io.beacon.ticket.domain.Ticket;
import io.beacon.ticket.domain.TicketAccess;
import io.beacon.ticket.domain.Tickets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.function.Predicate;

/**
 * Ticket updates reach the desk and approvers; a requester hears only of their own tickets, and
 * never of internal notes.
 */
@ApplicationScoped
public class TicketLiveAudience implements LiveAudience {
    @Inject
    Tickets tickets;

    @Override
    public boolean handles(String topic) {
        return TicketLiveFeed.TOPIC.equals(topic);
    }

    @Override
    @Transactional
    public Predicate<Actor> audienceOf(LiveUpdate update) {
        String requester = update.key() == null ? null
                : tickets.byKey(update.key()).map(Ticket::getRequester).map(u -> u.getUsername()).orElse(null);
        boolean note = "note".equals(update.kind());
        return actor -> TicketAccess.seesAllTickets(actor)
                || (!note && requester != null && requester.equals(actor.username()));
    }
}
