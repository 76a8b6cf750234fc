package io.beacon.ticket.domain;

import io.beacon.platform.domain.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What kind of record a ticket is; each kind numbers its tickets in its own series (INC-1, REQ-1). */
public enum TicketType {
    INCIDENT("INC"),
    SERVICE_REQUEST("REQ"),
    PROBLEM("PRB");

    private final String keyPrefix;

    TicketType(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String key(long number) {
        return keyPrefix + "-" + number;
    }

    public static TicketType fromCode(String field, String code) {
        if (code != null) {
            for (TicketType t : values()) {
                if (t.code().equalsIgnoreCase(code.trim())) {
                    return t;
                }
            }
        }
        throw new InvalidInputException(field, "must be one of "
                + Arrays.stream(values()).map(TicketType::code).collect(Collectors.joining(", ")));
    }
}
