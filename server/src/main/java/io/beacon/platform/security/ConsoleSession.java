package io.beacon.platform.security;

import io.beacon.identity.application.Authenticator;
import io.beacon.identity.domain.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * The console's signed-in user, kept in the HTTP session. Roles are re-read from the database at
 * most once a minute, so that a disabled user or a removed role takes effect promptly.
 */
public final class ConsoleSession {
    private static final String ATTRIBUTE = "beacon.user";
    private static final long RECHECK_SECONDS = 60;

    private ConsoleSession() {}

    private record Entry(String username, Actor actor, Instant checkedAt) implements Serializable {}

    public static void signIn(HttpServletRequest request, Actor actor) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true); // a fresh id: no session fixation
        session.setAttribute(ATTRIBUTE, new Entry(actor.username(), actor, Instant.now()));
    }

    public static void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    static Optional<Actor> actor(HttpSession session, Authenticator authenticator) {
        Object value;
        try {
            value = session.getAttribute(ATTRIBUTE);
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
        if (!(value instanceof Entry entry)) {
            return Optional.empty();
        }
        if (entry.checkedAt().plusSeconds(RECHECK_SECONDS).isAfter(Instant.now())) {
            return Optional.of(entry.actor());
        }
        Optional<Actor> fresh = authenticator.actorFor(entry.username());
        if (fresh.isPresent()) {
            session.setAttribute(ATTRIBUTE, new Entry(entry.username(), fresh.get(), Instant.now()));
        } else {
            session.invalidate();
        }
        return fresh;
    }
}
