package io.beacon.ticket.domain;

import io.beacon.platform.domain.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What a request is about, as the requester sees it: the portal's first question. */
public enum TicketCategory {
    HARDWARE, SOFTWARE, ACCESS, NETWORK, EMAIL, OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TicketCategory fromCode(String field, String code) {
        if (code != null) {
            String c = code.strip().toLowerCase(Locale.ROOT);
            for (TicketCategory k : values()) {
                if (k.code().equals(c)) {
                    return k;
                }
            }
        }
        String all = Arrays.stream(values()).map(TicketCategory::code).collect(Collectors.joining(", "));
        throw (InvalidInputException) new InvalidInputException(field, "must be one of " + all)
                .keyed("problem.ticket.category", Map.of("categories", all));
    }
}
