package io.beacon.event.domain;

import java.util.Locale;

/** What an event does to its alarm: raise (problem), clear it, or only inform (never an incident). */
public enum EventKind {
    PROBLEM, CLEAR, NOTIFICATION;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EventKind fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
