package io.beacon.ticket.domain;

import io.beacon.platform.domain.InvalidInputException;

/** P1 (critical) to P4 (low); derived from impact × urgency by the ticketPriority decision table, or set by hand. */
public enum Priority {
    P1, P2, P3, P4;

    public String code() {
        return name();
    }

    public static Priority fromCode(String field, String code) {
        if (code != null) {
            for (Priority p : values()) {
                if (p.name().equalsIgnoreCase(code.trim())) {
                    return p;
                }
            }
        }
        throw new InvalidInputException(field, "must be P1, P2, P3 or P4");
    }
}
