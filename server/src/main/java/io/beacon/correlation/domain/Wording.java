package io.beacon.correlation.domain;

import java.time.Duration;

/** How the rules' reasons name planned work and durations, the same way in every reason. */
final class Wording {
    private Wording() {}

    static String describe(PlannedWork w) {
        return (w.kind() == PlannedWork.Kind.CHANGE ? "change " : "maintenance window ") + w.ref()
                + (w.title() == null || w.title().isBlank() ? "" : " (" + w.title() + ")");
    }

    static String minutes(Duration d) {
        long m = d.toMinutes();
        return m < 1 ? seconds(d) : m + " min";
    }

    static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }
}
