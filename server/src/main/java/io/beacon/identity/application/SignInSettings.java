package io.beacon.identity.application;

import io.beacon.identity.domain.SignInRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * The sign-in throttle's settings ({@code beacon.signin.*}, or {@code BEACON_SIGNIN_*}); the README
 * lists them. The defaults follow common practice: a doubling delay from the third failure, a
 * 15-minute lock after 10 failures in 15 minutes, a delay per address from the 30th failure.
 */
@ApplicationScoped
public class SignInSettings {
    @Inject
    Config config;

    public SignInRules rules() {
        return new SignInRules(
                integer("beacon.signin.backoff.after.failures", 3),
                Duration.ofMillis(integer("beacon.signin.backoff.base.millis", 1000)),
                Duration.ofSeconds(integer("beacon.signin.backoff.max.seconds", 60)),
                integer("beacon.signin.lock.after.failures", 10),
                Duration.ofSeconds(integer("beacon.signin.lock.window.seconds", 900)),
                Duration.ofSeconds(integer("beacon.signin.lock.seconds", 900)),
                integer("beacon.signin.address.backoff.after.failures", 30),
                integer("beacon.signin.tracked.max", 10_000));
    }

    private int integer(String key, int fallback) {
        return config.getOptionalValue(key, Integer.class).orElse(fallback);
    }
}
