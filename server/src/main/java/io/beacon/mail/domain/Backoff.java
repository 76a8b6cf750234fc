package io.beacon.mail.domain;

import java.time.Duration;

/** When to try an unsent mail again: doubling from a base delay, capped, so a dead server is not hammered. */
public record Backoff(Duration base, Duration cap, int maxAttempts) {

    public Duration delayAfter(int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration d = base.multipliedBy(factor);
        return d.compareTo(cap) > 0 ? cap : d;
    }

    public boolean givesUpAfter(int attempts) {
        return attempts >= maxAttempts;
    }
}
