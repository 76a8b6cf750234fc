package io.beacon.platform.security;

import io.beacon.platform.domain.Actor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The caller of the current request, as the authentication mechanism (identity's) found it: every
 * area asks here who acts, without knowing how they signed in.
 */
@RequestScoped
public class CallerIdentity {
    private static final String ACTOR = "beacon.actor";
    private static final String SESSION_AUTH = "beacon.sessionAuth";
    private static final String FAILURE = "beacon.authFailure";

    @Inject
    HttpServletRequest request;

    /** Called by the authentication mechanism once it knows the caller. */
    public static void authenticated(HttpServletRequest request, Actor actor, boolean viaSession) {
        request.setAttribute(ACTOR, actor);
        if (viaSession) {
            request.setAttribute(SESSION_AUTH, Boolean.TRUE);
        }
    }

    /** Called by the authentication mechanism when it refused the request's credentials: the request goes on anonymous. */
    public static void refused(HttpServletRequest request, String why) {
        request.setAttribute(FAILURE, why);
    }

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

    public boolean viaSession() {
        return Boolean.TRUE.equals(request.getAttribute(SESSION_AUTH));
    }
}
