package io.beacon.ticket.domain;

import io.beacon.platform.domain.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How one ticket relates to another, read from the ticket that holds the link; the other ticket
 * reads it the other way round ({@link #inverse()}): "INC-2 duplicate of INC-1" is "INC-1
 * duplicated by INC-2".
 */
public enum LinkKind {
    RELATED_TO("related_to"),
    DUPLICATE_OF("duplicated_by"),
    CAUSED_BY("causes");

    private final String inverse;

    LinkKind(String inverse) {
        this.inverse = inverse;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The code the linked ticket shows: {@code related_to}, {@code duplicated_by} or {@code causes}. */
    public String inverse() {
        return inverse;
    }

    public static LinkKind fromCode(String field, String code) {
        for (LinkKind k : values()) {
            if (code != null && k.code().equalsIgnoreCase(code.strip())) {
                return k;
            }
        }
        throw new InvalidInputException(field, "must be one of "
                + Arrays.stream(values()).map(LinkKind::code).collect(Collectors.joining(", ")));
    }
}
