package io.beacon.event.domain;

import io.beacon.platform.domain.InvalidInputException;
import java.util.Locale;

/** How bad an alarm is, ranked as OpenNMS ranks them (indeterminate lowest, critical highest). */
public enum Severity {
    INDETERMINATE(1), CLEARED(2), NORMAL(3), WARNING(4), MINOR(5), MAJOR(6), CRITICAL(7);

    private final int rank;

    Severity(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    public boolean atLeast(Severity other) {
        return rank >= other.rank;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity fromCode(String field, String code) {
        Severity s = parse(code);
        if (s == null) {
            throw new InvalidInputException(field,
                    "must be one of critical, major, minor, warning, indeterminate, normal, cleared");
        }
        return s;
    }

    /** The severity a monitor's word means, or null: knows Prometheus' usual labels besides our own codes. */
    public static Severity parse(String code) {
        if (code == null) {
            return null;
        }
        return switch (code.trim().toLowerCase(Locale.ROOT)) {
            case "critical", "crit", "fatal", "emergency", "alert", "disaster", "page" -> CRITICAL;
            case "major", "high", "error", "err" -> MAJOR;
            case "minor", "average", "medium" -> MINOR;
            case "warning", "warn", "low" -> WARNING;
            case "normal", "info", "information", "informational", "notice", "ok" -> NORMAL;
            case "indeterminate", "unknown", "none" -> INDETERMINATE;
            case "cleared", "clear", "resolved" -> CLEARED;
            default -> null;
        };
    }
}
