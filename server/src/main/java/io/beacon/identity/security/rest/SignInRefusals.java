package io.beacon.identity.security.rest;

import io.beacon.identity.application.SignInResult;
import io.beacon.platform.rest.Problem;
import jakarta.ws.rs.core.Response;

/**
 * The answers to attempts the throttle did not let through, alike for every kind of credential and
 * for names that exist and names that do not: 429 with {@code Retry-After} during a back-off, 401
 * while the name is locked.
 */
public final class SignInRefusals {
    public static final String BACK_OFF_TYPE = "sign-in-throttled";
    public static final String LOCKED_TYPE = "sign-in-locked";

    private SignInRefusals() {}

    public static Response of(SignInResult result, String path) {
        return of(result, path, false);
    }

    /** With {@code challenge}, a locked 401 names the Basic scheme, as every 401 to a script should. */
    public static Response of(SignInResult result, String path, boolean challenge) {
        if (result.outcome() == SignInResult.Outcome.LOCKED) {
            Response locked = Problem.of(Response.Status.UNAUTHORIZED, LOCKED_TYPE,
                    "sign-in with this name is locked after too many failed attempts; try again later or ask an administrator to unlock it")
                    .at(path).toResponse();
            return challenge ? Response.fromResponse(locked)
                    .header("WWW-Authenticate", "Basic realm=\"Beacon\", charset=\"UTF-8\"").build() : locked;
        }
        return Response.fromResponse(Problem.of(429, "Too Many Requests", BACK_OFF_TYPE,
                "too many failed sign-ins; try again in " + result.retryAfterSeconds() + " s", null).at(path).toResponse())
                .header("Retry-After", result.retryAfterSeconds()).build();
    }
}
