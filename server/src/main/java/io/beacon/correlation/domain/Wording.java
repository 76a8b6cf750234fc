package io.beacon.correlation.domain;

import io.beacon.platform.domain.SystemText;
import java.time.Duration;

/**
 * How the rules word their reasons, the same way in every reason: each is a message key
 * ({@code sys.reason.*} in the console's bundles) with arguments, beside its English text; what a
 * reason follows from (a root cause that cleared, planned work that ended) nests under {@code because}.
 */
final class Wording {
    private Wording() {}

    /** A reason: {@code because} (or nothing) first, then what the key says. */
    static SystemText reason(SystemText because, String key, String english, Object... args) {
        return SystemText.of(key, (because == null ? "" : because.text()) + english, args).nest("because", because);
    }

    /** Planned work as the reasons name it: "change CHG-1 (title)", "maintenance window MW-2 (why)". */
    static String describe(PlannedWork w) {
        return kindInEnglish(w) + " " + named(w);
    }

    /** The kind of planned work, as the console's {@code sys.work.*} labels name it. */
    static String kind(PlannedWork w) {
        return w.kind() == PlannedWork.Kind.CHANGE ? "change" : "maintenance";
    }

    /** Its reference and title, in no language. */
    static String named(PlannedWork w) {
        return w.ref() + (w.title() == null || w.title().isBlank() ? "" : " (" + w.title() + ")");
    }

    static String kindInEnglish(PlannedWork w) {
        return w.kind() == PlannedWork.Kind.CHANGE ? "change" : "maintenance window";
    }

    static String minutes(Duration d) {
        long m = d.toMinutes();
        return m < 1 ? seconds(d) : m + " min";
    }

    static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }

    /** A duration as an argument: whole seconds (the console words them in the reader's language). */
    static long secondsOf(Duration d) {
        return d.toSeconds();
    }

}
