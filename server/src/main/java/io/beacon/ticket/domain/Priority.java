package io.beacon.ticket.domain;

import io.beacon.platform.domain.InvalidInputException;

/**
 * P1 (critical) to P4 (low). Derived from impact × urgency by the ITIL lookup that ServiceNow
 * ships, with its lowest two steps folded into P4:
 * <pre>
 *              urgency high  medium  low
 * impact high          P1    P2      P3
 *        medium        P2    P3      P4
 *        low           P3    P4      P4
 * </pre>
 */
public enum Priority {
    P1, P2, P3, P4;

    public static Priority of(Level impact, Level urgency) {
        int sum = impact.rank() + urgency.rank(); // 2..6
        return values()[Math.min(sum - 2, 3)];
    }

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
