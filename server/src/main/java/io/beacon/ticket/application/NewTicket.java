package io.beacon.ticket.application;

import io.beacon.ticket.domain.TicketComment;
import java.util.List;

/**
 * A ticket to open, as the API, the console or the mail channel hand it in. {@code requester} is
 * a user name or an e-mail address (a requester is created on first sight of an address);
 * {@code category} is what the requester says it is about (null: not said).
 */
public record NewTicket(String type, String title, String description, String priority, String impact,
        String urgency, List<Long> ciIds, String requester, String group, String assignee,
        TicketComment.Channel channel, String category) {

    /** Without a category (mail, alarms). */
    public NewTicket(String type, String title, String description, String priority, String impact,
            String urgency, List<Long> ciIds, String requester, String group, String assignee,
            TicketComment.Channel channel) {
        this(type, title, description, priority, impact, urgency, ciIds, requester, group, assignee, channel, null);
    }
}
