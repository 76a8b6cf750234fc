package io.beacon.platform.security;

import io.beacon.identity.domain.Actor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The caller of the current request, as the authentication mechanism found it. */
@RequestScoped
public class CallerIdentity {
    static final String ACTOR = "beacon.actor";
    static final String SESSION_AUTH = "beacon.sessionAuth";
    static final String FAILURE = "beacon.authFailure";
    /** The throttle's refusal ({@link io.beacon.identity.application.SignInResult}) of the request's credentials. */
    static final String THROTTLED = "beacon.authThrottled";

    @Inject
    HttpServletRequest request;

    public Optional<Actor> actor() {
        return Optional.ofNullable((Actor) request.getAttribute(ACTOR));
    }

    /** The authenticated caller; resources that are not @PermitAll can rely on it being there. */
    public Actor caller() {
        return actor().orElseThrow(() -> new IllegalStateException("no authenticated caller"));
    }

    /** Why the credentials that came with the request were refused, if they were. */
    public Optional<String> failure() {
        return Optional.ofNullable((String) request.getAttribute(FAILURE));
    }

    /** The throttle's refusal of the credentials that came with the request, if it refused them. */
    public Optional<io.beacon.identity.application.SignInResult> throttled() {
        return Optional.ofNullable((io.beacon.identity.application.SignInResult) request.getAttribute(THROTTLED));
    }

    public boolean viaSession() {
        return Boolean.TRUE.equals(request.getAttribute(SESSION_AUTH));
    }
}
