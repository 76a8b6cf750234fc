package io.beacon.identity.application;

import io.beacon.platform.domain.Actor;
import java.util.Optional;

/**
 * What came of a sign-in attempt: accepted (with the actor), wrong credentials, or not checked at
 * all because of a back-off or a lock ({@code retryAfterSeconds} until the next try may be checked).
 */
public record SignInResult(Outcome outcome, Actor actor, long retryAfterSeconds) {
    public enum Outcome { ACCEPTED, WRONG, BACK_OFF, LOCKED }

    static SignInResult accepted(Actor actor) {
        return new SignInResult(Outcome.ACCEPTED, actor, 0);
    }

    static SignInResult wrong() {
        return new SignInResult(Outcome.WRONG, null, 0);
    }

    public Optional<Actor> accepted() {
        return Optional.ofNullable(actor);
    }

    public boolean throttled() {
        return outcome == Outcome.BACK_OFF || outcome == Outcome.LOCKED;
    }
}
