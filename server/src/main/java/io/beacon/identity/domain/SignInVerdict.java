package io.beacon.identity.domain;

import java.time.Duration;

/** Whether a sign-in attempt may be checked now: allowed, wait {@code retryAfter}, or locked. */
public record SignInVerdict(Kind kind, Duration retryAfter) {
    public enum Kind { ALLOWED, BACK_OFF, LOCKED }

    public static final SignInVerdict ALLOWED = new SignInVerdict(Kind.ALLOWED, Duration.ZERO);

    static SignInVerdict backOff(Duration retryAfter) {
        return new SignInVerdict(Kind.BACK_OFF, retryAfter);
    }

    static SignInVerdict locked(Duration remaining) {
        return new SignInVerdict(Kind.LOCKED, remaining);
    }

    public boolean allowed() {
        return kind == Kind.ALLOWED;
    }

    /** Whole seconds, rounded up, for a {@code Retry-After} header. */
    public long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds();
        return retryAfter.minusSeconds(seconds).isZero() ? Math.max(seconds, 1) : seconds + 1;
    }
}
