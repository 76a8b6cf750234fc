package io.beacon.identity.domain;

import java.time.Duration;

/**
 * How sign-in failures are answered. Per account: after {@code backoffAfter} failures each further
 * attempt waits a doubling delay ({@code backoffBase}, twice that, ... at most {@code backoffMax});
 * {@code lockAfter} failures within {@code lockWindow} lock the account for {@code lockFor} (or
 * until an admin unlocks it). Per client address: the same doubling delay after
 * {@code addressBackoffAfter} failures within the window, never a lock (many people may share one
 * address). At most {@code maxTracked} accounts and as many addresses are remembered.
 */
public record SignInRules(int backoffAfter, Duration backoffBase, Duration backoffMax, int lockAfter,
        Duration lockWindow, Duration lockFor, int addressBackoffAfter, int maxTracked) {

    public SignInRules {
        if (backoffAfter < 1 || lockAfter < 1 || addressBackoffAfter < 1 || maxTracked < 1) {
            throw new IllegalArgumentException("sign-in thresholds must be at least 1");
        }
        if (backoffBase.isNegative() || backoffMax.isNegative() || (lockWindow.isZero() || lockWindow.isNegative()) || lockFor.isNegative()) {
            throw new IllegalArgumentException("sign-in durations must not be negative");
        }
    }

    /** The delay after {@code failures} failures, where {@code threshold} failures start the back-off. */
    Duration delayAfter(int failures, int threshold) {
        if (failures < threshold) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - threshold, 30);
        Duration delay = backoffBase.multipliedBy(1L << doublings);
        return delay.compareTo(backoffMax) > 0 ? backoffMax : delay;
    }
}
