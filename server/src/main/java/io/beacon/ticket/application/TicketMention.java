package io.beacon.ticket.application;

import java.util.List;

/**
 * Agents were {@code @mentioned} in an internal note: fired inside the note's transaction (the mail
 * joins it through the outbox; the notification list writes its rows in it and tells the console
 * after the commit). {@code recipients} are user names of active agents or admins, never the author.
 */
public record TicketMention(long ticketId, String key, String title, long commentId, String author,
        List<String> recipients, String note) {}
