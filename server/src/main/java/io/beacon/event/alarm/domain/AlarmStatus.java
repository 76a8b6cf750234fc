package io.beacon.event.alarm.domain;

import io.beacon.platform.domain.InvalidInputException;
import java.util.Locale;

/** An alarm is active until a clear event (or a person) clears it; a new problem re-activates it. */
public enum AlarmStatus {
    ACTIVE, CLEARED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AlarmStatus fromCode(String field, String code) {
        for (AlarmStatus s : values()) {
            if (s.code().equalsIgnoreCase(code.trim())) {
                return s;
            }
        }
        throw new InvalidInputException(field, "must be active or cleared");
    }
}
