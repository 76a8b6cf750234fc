package io.beacon.ticket.application;

import io.beacon.platform.domain.SystemText;
import io.beacon.ticket.domain.TicketComment;
import java.util.List;

/**
 * A ticket to open, as the API, the console or the mail channel hand it in. {@code requester} is
 * a user name or an e-mail address (a requester is created on first sight of an address);
 * {@code category} is what the requester says it is about (null: not said). {@code titleText} and
 * {@code descriptionText}, when Beacon wrote them, carry their message keys (else null).
 */
public record NewTicket(String type, String title, String description, String priority, String impact,
        String urgency, List<Long> ciIds, String requester, String group, String assignee,
        TicketComment.Channel channel, String category, SystemText titleText, SystemText descriptionText) {

    /** Written by a person, with a category. */
    public NewTicket(String type, String title, String description, String priority, String impact,
            String urgency, List<Long> ciIds, String requester, String group, String assignee,
            TicketComment.Channel channel, String category) {
        this(type, title, description, priority, impact, urgency, ciIds, requester, group, assignee, channel, category,
                null, null);
    }

    /** Without a category (mail, alarms). */
    public NewTicket(String type, String title, String description, String priority, String impact,
            String urgency, List<Long> ciIds, String requester, String group, String assignee,
            TicketComment.Channel channel) {
        this(type, title, description, priority, impact, urgency, ciIds, requester, group, assignee, channel, null);
    }

    /** The same ticket with its title and description written by Beacon: keys and arguments for each reader's language. */
    public NewTicket writtenByBeacon(SystemText title, SystemText description) {
        return new NewTicket(type, title.text(), description.text(), priority, impact, urgency, ciIds, requester, group,
                assignee, channel, category, title, description);
    }
}
