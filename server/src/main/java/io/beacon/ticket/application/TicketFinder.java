package io.beacon.ticket.application;

import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.NotFoundException;
import io.beacon.ticket.domain.Ticket;
import io.beacon.ticket.domain.TicketAccess;
import io.beacon.ticket.domain.Tickets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finds one ticket by its id or key, as the caller may see it (others' tickets are "not found" to requesters). */
@ApplicationScoped
public class TicketFinder {
    private static final Pattern KEY = Pattern.compile("[A-Za-z]{3}-\\d{1,18}");

    @Inject
    Tickets tickets;

    public Ticket visible(Actor actor, String idOrKey) {
        Ticket ticket = find(idOrKey).orElseThrow(() -> notFound(idOrKey));
        if (!TicketAccess.canView(actor, ticket)) {
            throw notFound(idOrKey); // someone else's ticket is not there, as far as a requester can tell
        }
        return ticket;
    }

    private static RuntimeException notFound(String idOrKey) {
        return new NotFoundException("ticket", idOrKey).keyed("problem.ticket.notFound", java.util.Map.of("key", String.valueOf(idOrKey)));
    }

    public Optional<Ticket> find(String idOrKey) {
        String s = idOrKey == null ? "" : idOrKey.strip();
        if (!s.isEmpty() && s.length() <= 18 && s.chars().allMatch(Character::isDigit)) {
            return tickets.byId(Long.parseLong(s));
        }
        if (KEY.matcher(s).matches()) {
            return tickets.byKey(s.toUpperCase(Locale.ROOT));
        }
        return Optional.empty();
    }
}
