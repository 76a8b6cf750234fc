package io.beacon.ticket.application;

import io.beacon.ticket.domain.TicketComment;
import java.util.List;

/**
 * A ticket to open, as the API, the console or the mail channel hand it in. {@code requester} is
 * a user name or an e-mail address (a requester is created on first sight of an address).
 */
public record NewTicket(String type, String title, String description, String priority, String impact,
        String urgency, List<Long> ciIds, String requester, String group, String assignee,
        TicketComment.Channel channel) {}
