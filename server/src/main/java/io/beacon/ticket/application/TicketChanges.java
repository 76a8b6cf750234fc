package io.beacon.ticket.application;

import java.util.List;
import java.util.Optional;

/**
 * A merge-patch of a ticket: a null field is left as it is; for the clearable fields an empty
 * Optional clears the value (the JSON body said null). {@code priority} cleared means "derive it
 * from impact and urgency again".
 */
public record TicketChanges(
        String title,
        Optional<String> description,
        String status,
        String resolution,
        Optional<String> priority,
        String impact,
        String urgency,
        Optional<String> group,
        Optional<String> assignee,
        Optional<String> requester,
        List<Long> ciIds,
        Long expectedVersion) {

    public static TicketChanges none() {
        return new TicketChanges(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
