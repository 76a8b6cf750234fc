package io.beacon.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
    static final SignInRules RULES = new SignInRules(3, Duration.ofSeconds(1), Duration.ofSeconds(60), 10,
            Duration.ofMinutes(15), Duration.ofMinutes(15), 30, 1000);
    static final String ADDRESS = "192.0.2.7";

    Instant now = Instant.parse("2026-12-06T09:00:00Z");
    final SignInThrottle throttle = new SignInThrottle(RULES);

    /** Fails as soon as each attempt is allowed, the way a patient attacker would. */
    void failWhenAllowed(String account, String address, int times) {
        for (int i = 0; i < times; i++) {
            SignInVerdict verdict = throttle.check(account, address, now);
            if (verdict.kind() == SignInVerdict.Kind.BACK_OFF) {
                now = now.plus(verdict.retryAfter());
            }
            assertThat(throttle.check(account, address, now).allowed()).as("attempt %d allowed", i + 1).isTrue();
            throttle.failed(account, address, now);
        }
    }

    @Test
    void theFirstFailuresCostNothingThenEachAttemptWaitsTwiceAsLong() {
        failWhenAllowed("minji", ADDRESS, 2);
        assertThat(throttle.check("minji", ADDRESS, now).allowed()).isTrue();
        throttle.failed("minji", ADDRESS, now);
        assertThat(throttle.check("minji", ADDRESS, now)).isEqualTo(new SignInVerdict(SignInVerdict.Kind.BACK_OFF, Duration.ofSeconds(1)));
        now = now.plusSeconds(1);
        throttle.failed("minji", ADDRESS, now);
        assertThat(throttle.check("minji", ADDRESS, now).retryAfter()).isEqualTo(Duration.ofSeconds(2));
        now = now.plusMillis(1500);
        assertThat(throttle.check("minji", ADDRESS, now).retryAfter()).isEqualTo(Duration.ofMillis(500));
        assertThat(throttle.check("minji", ADDRESS, now).retryAfterSeconds()).isEqualTo(1);
        now = now.plusMillis(500);
        throttle.failed("minji", ADDRESS, now);
        assertThat(throttle.check("minji", ADDRESS, now).retryAfter()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void tenFailuresInAWindowLockTheAccountEvenForTheRightPasswordUntilTheLockEnds() {
        failWhenAllowed("minji", ADDRESS, 9);
        SignInVerdict beforeTenth = throttle.check("minji", ADDRESS, now);
        now = now.plus(beforeTenth.retryAfter());
        assertThat(throttle.failed("minji", ADDRESS, now)).as("the tenth failure locks").isTrue();

        SignInVerdict locked = throttle.check("minji", ADDRESS, now);
        assertThat(locked.kind()).isEqualTo(SignInVerdict.Kind.LOCKED);
        assertThat(locked.retryAfter()).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.isLocked("minji", now)).isTrue();
        assertThat(throttle.lockedAccounts(now)).isEqualTo(1);

        now = now.plus(Duration.ofMinutes(15)).minusSeconds(1);
        assertThat(throttle.check("minji", "198.51.100.1", now).kind()).as("another address is no way round")
                .isEqualTo(SignInVerdict.Kind.LOCKED);
        now = now.plusSeconds(1);
        assertThat(throttle.check("minji", "198.51.100.1", now).allowed()).isTrue();
        assertThat(throttle.isLocked("minji", now)).isFalse();
        throttle.failed("minji", "198.51.100.1", now);
        assertThat(throttle.check("minji", "198.51.100.1", now).allowed()).as("a fresh count after the lock").isTrue();
    }

    @Test
    void failuresSpreadWiderThanTheWindowNeverLock() {
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.check("slow", ADDRESS, now).allowed()).isTrue();
            assertThat(throttle.failed("slow", ADDRESS, now)).isFalse();
            now = now.plus(Duration.ofMinutes(8));
            if (i % 2 == 1) {
                now = now.plusSeconds(60); // a window of 15 min never holds more than two
            }
        }
        assertThat(throttle.isLocked("slow", now)).isFalse();
    }

    @Test
    void aRightPasswordForgetsTheAccountsFailuresButNotTheAddresss() {
        failWhenAllowed("minji", ADDRESS, 3);
        now = now.plusSeconds(1);
        throttle.succeeded("minji");
        failWhenAllowed("minji", ADDRESS, 2);
        assertThat(throttle.check("minji", ADDRESS, now).allowed()).isTrue();
    }

    @Test
    void anAdminLiftsALock() {
        failWhenAllowed("minji", ADDRESS, 9);
        now = now.plus(throttle.check("minji", ADDRESS, now).retryAfter());
        throttle.failed("minji", ADDRESS, now);
        assertThat(throttle.unlock("Minji", now)).isTrue();
        assertThat(throttle.check("minji", ADDRESS, now).allowed()).isTrue();
        assertThat(throttle.unlock("minji", now)).as("nothing left to lift").isFalse();
    }

    @Test
    void namesAreCountedAlikeWhetherOrNotTheyExistAndRegardlessOfCase() {
        failWhenAllowed("Nobody", ADDRESS, 3);
        assertThat(throttle.check("nobody", ADDRESS, now).kind()).isEqualTo(SignInVerdict.Kind.BACK_OFF);
    }

    @Test
    void anAddressThatFailsForManyNamesIsSlowedButNeverLockedAndOtherAddressesGoOn() {
        for (int i = 0; i < 30; i++) {
            assertThat(throttle.check("user" + i, ADDRESS, now).allowed()).isTrue();
            throttle.failed("user" + i, ADDRESS, now);
        }
        assertThat(throttle.check("someone", ADDRESS, now)).isEqualTo(new SignInVerdict(SignInVerdict.Kind.BACK_OFF, Duration.ofSeconds(1)));
        assertThat(throttle.checkAddress(ADDRESS, now).kind()).isEqualTo(SignInVerdict.Kind.BACK_OFF);
        assertThat(throttle.check("someone", "198.51.100.1", now).allowed()).isTrue();
        for (int i = 0; i < 8; i++) {
            now = now.plus(throttle.checkAddress(ADDRESS, now).retryAfter());
            throttle.addressFailed(ADDRESS, now);
        }
        assertThat(throttle.checkAddress(ADDRESS, now).retryAfter()).as("capped").isEqualTo(Duration.ofSeconds(60));
        now = now.plus(Duration.ofMinutes(16));
        assertThat(throttle.checkAddress(ADDRESS, now).allowed()).as("forgotten after the window").isTrue();
    }

    @Test
    void badTokensCountAgainstTheAddressOnly() {
        for (int i = 0; i < 30; i++) {
            throttle.addressFailed(ADDRESS, now);
        }
        assertThat(throttle.checkAddress(ADDRESS, now).kind()).isEqualTo(SignInVerdict.Kind.BACK_OFF);
        assertThat(throttle.trackedAccounts()).isZero();
    }

    @Test
    void aFloodOfRandomNamesStaysWithinTheBoundAndKeepsTheLocks() {
        SignInThrottle small = new SignInThrottle(new SignInRules(3, Duration.ofSeconds(1), Duration.ofSeconds(60), 2,
                Duration.ofMinutes(15), Duration.ofMinutes(15), 1_000_000, 100));
        small.failed("victim", ADDRESS, now);
        small.failed("victim", ADDRESS, now);
        for (int i = 0; i < 10_000; i++) {
            small.failed("random-" + i, "203.0.113." + (i % 250), now);
        }
        assertThat(small.trackedAccounts()).isLessThanOrEqualTo(100);
        assertThat(small.trackedAddresses()).isLessThanOrEqualTo(100);
        assertThat(small.isLocked("victim", now)).as("a locked name is not pushed out by the flood").isTrue();
    }

    @Test
    void aRetryAfterIsWholeSecondsRoundedUp() {
        assertThat(new SignInVerdict(SignInVerdict.Kind.BACK_OFF, Duration.ofMillis(100)).retryAfterSeconds()).isEqualTo(1);
        assertThat(new SignInVerdict(SignInVerdict.Kind.BACK_OFF, Duration.ofSeconds(2)).retryAfterSeconds()).isEqualTo(2);
        assertThat(new SignInVerdict(SignInVerdict.Kind.BACK_OFF, Duration.ofMillis(2001)).retryAfterSeconds()).isEqualTo(3);
    }
}
