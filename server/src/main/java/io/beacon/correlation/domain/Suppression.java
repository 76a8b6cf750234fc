package io.beacon.correlation.domain;

import io.beacon.platform.domain.SystemText;

/**
 * Why an alarm pages nobody: the alarm it is a symptom of, the planned work that explains it, or
 * its flapping. {@code ref} names the cause (an alarm id, a change key, a window id).
 */
public record Suppression(Kind kind, String ref, SystemText why) {

    /** Why, in English. */
    public String reason() {
        return why.text();
    }

    public enum Kind {
        ROOT_CAUSE, CHANGE, MAINTENANCE, FLAPPING;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
