package io.beacon.it.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Waits for an asynchronous outcome (the ingest writer, the CI index) without fixed sleeps. */
public final class Poll {
    private Poll() {}

    public static <T> T until(Supplier<T> probe, java.util.function.Predicate<T> done, Duration timeout, String what) {
        Instant end = Instant.now().plus(timeout);
        T last = null;
        while (Instant.now().isBefore(end)) {
            last = probe.get();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("Timed out waiting for " + what + "; last seen: " + last);
    }
}
