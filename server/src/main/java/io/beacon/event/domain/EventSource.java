package io.beacon.event.domain;

import java.util.Locale;

/** The channel an event came in through. */
public enum EventSource {
    SNMP, ALERTMANAGER, API;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EventSource fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
