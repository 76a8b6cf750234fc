package io.beacon.correlation.domain;

/**
 * Why an alarm pages nobody: the alarm it is a symptom of, the planned work that explains it, or
 * its flapping. {@code ref} names the cause (an alarm id, a change key, a window id).
 */
public record Suppression(Kind kind, String ref, String reason) {

    public enum Kind {
        ROOT_CAUSE, CHANGE, MAINTENANCE, FLAPPING;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
