package io.beacon.ticket.domain;

import io.beacon.platform.domain.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where the next page of a ticket list starts (keyset paging): the sort value and id of the last
 * ticket shown. Deep pages cost what the first one does, where an offset makes the database read and
 * drop every row before it. Sent as an opaque {@code after} token, valid for the sort it was made for.
 */
public record TicketCursor(TicketSort.Field field, String value, long id) {

    /** The cursor after {@code last} in a list sorted by {@code sort}. */
    public static TicketCursor after(Ticket last, TicketSort sort) {
        String value = switch (sort.field()) {
            case CREATED_AT -> last.getCreatedAt().toString();
            case UPDATED_AT -> last.getUpdatedAt().toString();
            case PRIORITY -> last.getPriority().name();
            case STATUS -> last.getStatus().name();
            case KEY -> "";
            case TITLE -> last.getTitle();
            // The due order is the SLA clocks', not the ticket's: see afterDue.
            case DUE -> throw new IllegalArgumentException("a list sorted by due time takes its cursor from afterDue");
        };
        return new TicketCursor(sort.field(), value, last.getId());
    }

    /**
     * The cursor after the ticket {@code id} in a list sorted by due time: its SLA clock's next due
     * time, or none when it is among the tickets without a running clock (they follow, by id).
     */
    public static TicketCursor afterDue(long id, Instant nextDueOrNull) {
        return new TicketCursor(TicketSort.Field.DUE, nextDueOrNull == null ? "" : nextDueOrNull.toString(), id);
    }

    /** In a list sorted by due time: whether the ticket before lay among those whose SLA clock runs. */
    public boolean withinRunningClocks() {
        return !value.isEmpty();
    }

    public String encode() {
        String plain = field.code() + "\n" + id + "\n" + value;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** A token from {@link #encode()}, for a list sorted by {@code sort}; anything else is a 400. */
    public static TicketCursor decode(String token, TicketSort sort) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
            String[] parts = plain.split("\n", 3);
            if (parts.length == 3 && parts[0].equals(sort.field().code())) {
                return new TicketCursor(sort.field(), parts[2], Long.parseLong(parts[1]));
            }
        } catch (IllegalArgumentException malformed) {
            // answered below
        }
        throw new InvalidInputException("after", "must be the next link's token of a list with the same sort");
    }
}
