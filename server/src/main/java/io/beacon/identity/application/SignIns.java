package io.beacon.identity.application;

import io.beacon.identity.domain.SignInThrottle;
import io.beacon.identity.domain.SignInVerdict;
import io.beacon.platform.domain.Actor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * The one door for credentials, whatever carries them (HTTP Basic, the console's sign-in form, a
 * bearer token, the current password on a password change): each attempt is first asked of the
 * throttle, then checked, and a failure is counted against the account and the client address.
 * Refused attempts are not checked at all, so they cost nothing and reveal nothing.
 */
@ApplicationScoped
public class SignIns {
    @Inject
    Authenticator authenticator;

    @Inject
    ApiTokens tokens;

    @Inject
    SignInSettings settings;

    @Inject
    SignInMetrics metrics;

    @Inject
    Clock clock;

    private SignInThrottle throttle;

    @PostConstruct
    void start() {
        throttle = new SignInThrottle(settings.rules());
        metrics.lockedAccounts(() -> throttle.lockedAccounts(clock.instant()));
    }

    public SignInResult withPassword(String name, String password, String clientAddress) {
        // No user name is longer than 64; a longer one is counted against the address only, so
        // that huge names cannot fill the throttle's memory.
        String username = name != null && name.length() <= 64 ? name : null;
        SignInVerdict verdict = throttle.check(username, clientAddress, clock.instant());
        if (!verdict.allowed()) {
            return refused(verdict);
        }
        Optional<Actor> actor = authenticator.verify(name, password);
        if (actor.isPresent()) {
            throttle.succeeded(username);
            return SignInResult.accepted(actor.get());
        }
        metrics.failed("password");
        if (throttle.failed(username, clientAddress, clock.instant())) {
            metrics.locked();
        }
        return SignInResult.wrong();
    }

    /**
     * HTTP Basic: {@code base64(name:password)} as it follows "Basic " in an Authorization header. A
     * header that names no user is still counted against the address.
     */
    public SignInResult withBasic(String encoded, String clientAddress) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            decoded = "";
        }
        int colon = decoded.indexOf(':');
        return colon <= 0 ? withPassword(null, null, clientAddress)
                : withPassword(decoded.substring(0, colon), decoded.substring(colon + 1), clientAddress);
    }

    /** Bad tokens are counted per client address only: a token names no account. */
    public SignInResult withToken(String secret, String clientAddress) {
        SignInVerdict verdict = throttle.checkAddress(clientAddress, clock.instant());
        if (!verdict.allowed()) {
            return refused(verdict);
        }
        Optional<Actor> actor = tokens.verify(secret);
        if (actor.isPresent()) {
            return SignInResult.accepted(actor.get());
        }
        metrics.failed("token");
        throttle.addressFailed(clientAddress, clock.instant());
        return SignInResult.wrong();
    }

    /** Lifts the account's lock and back-off; true if it had one. */
    public boolean unlock(String username) {
        boolean had = throttle.unlock(username, clock.instant());
        if (had) {
            metrics.unlocked();
        }
        return had;
    }

    public boolean isLocked(String username) {
        return throttle.isLocked(username, clock.instant());
    }

    private SignInResult refused(SignInVerdict verdict) {
        metrics.refused(verdict);
        return new SignInResult(verdict.kind() == SignInVerdict.Kind.LOCKED
                ? SignInResult.Outcome.LOCKED : SignInResult.Outcome.BACK_OFF, null, verdict.retryAfterSeconds());
    }
}
