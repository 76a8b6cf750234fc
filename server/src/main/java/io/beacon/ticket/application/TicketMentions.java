package io.beacon.ticket.application;

import io.beacon.identity.domain.User;
import io.beacon.identity.domain.Users;
import io.beacon.platform.domain.Role;
import io.beacon.ticket.domain.Mentions;
import io.beacon.ticket.domain.Ticket;
import io.beacon.ticket.domain.TicketComment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Finds who an internal note mentions: only active agents and admins (a requester never hears of a
 * note), never its author; names that are nobody are plain text.
 */
@ApplicationScoped
public class TicketMentions {
    @Inject
    Users users;

    @Inject
    Event<TicketMention> mentions;

    void fromNote(Ticket ticket, TicketComment note) {
        if (!note.isInternal()) {
            return;
        }
        List<String> recipients = Mentions.in(note.getBody()).stream()
                .filter(name -> !name.equalsIgnoreCase(note.getAuthor()))
                .map(users::byUsername).flatMap(java.util.Optional::stream)
                .filter(u -> u.isActive() && (u.hasRole(Role.AGENT) || u.hasRole(Role.ADMIN)))
                .map(User::getUsername).distinct().toList();
        if (!recipients.isEmpty()) {
            mentions.fire(new TicketMention(ticket.getId(), ticket.getKey(), ticket.getTitle(), note.getId(),
                    note.getAuthor(), recipients, note.getBody()));
        }
    }
}
