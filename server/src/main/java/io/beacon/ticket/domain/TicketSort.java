package io.beacon.ticket.domain;

import io.beacon.platform.domain.InvalidInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The orders a ticket list can take: {@code createdAt} ascending, {@code -createdAt} descending, ...
 * {@code due} orders by the next SLA due time (response, then resolution), soonest first; tickets
 * without a running SLA clock (resolved ones, problems) come last in either direction.
 */
public record TicketSort(Field field, boolean descending) {
    public static final TicketSort NEWEST_FIRST = new TicketSort(Field.CREATED_AT, true);

    public enum Field {
        CREATED_AT("createdAt"), UPDATED_AT("updatedAt"), PRIORITY("priority"), STATUS("status"),
        KEY("key"), TITLE("title"), DUE("due");

        private final String code;

        Field(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public static TicketSort parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NEWEST_FIRST;
        }
        String s = spec.strip();
        boolean desc = s.startsWith("-");
        String name = desc || s.startsWith("+") ? s.substring(1) : s;
        for (Field f : Field.values()) {
            if (f.code.equalsIgnoreCase(name)) {
                return new TicketSort(f, desc);
            }
        }
        throw new InvalidInputException("sort", "must be one of "
                + Arrays.stream(Field.values()).map(Field::code).collect(Collectors.joining(", "))
                + ", with a leading - for descending order");
    }
}
