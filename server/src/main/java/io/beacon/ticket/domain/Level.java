package io.beacon.ticket.domain;

import io.beacon.platform.domain.InvalidInputException;
import java.util.Locale;

/** A three-step scale for impact and urgency: high (1), medium (2), low (3). */
public enum Level {
    HIGH, MEDIUM, LOW;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** 1 for high, 2 for medium, 3 for low, as ITIL desks number them. */
    public int rank() {
        return ordinal() + 1;
    }

    /** Accepts the names ("high") and the ITIL numbers ("1"). */
    public static Level fromCode(String field, String code) {
        if (code != null) {
            String c = code.trim().toLowerCase(Locale.ROOT);
            for (Level l : values()) {
                if (l.code().equals(c) || String.valueOf(l.rank()).equals(c)) {
                    return l;
                }
            }
        }
        throw new InvalidInputException(field, "must be high, medium or low (or 1, 2, 3)");
    }
}
