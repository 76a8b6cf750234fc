package io.beacon.identity.security;

import io.beacon.identity.application.Authenticator;
import io.beacon.identity.application.SignInRevocations;
import io.beacon.platform.domain.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * The console's signed-in user, kept in the HTTP session. Roles are re-read from the database at
 * most once a minute, so that a disabled user or a removed role takes effect promptly; a password
 * change or a deactivation ends the session at its next request (see {@link SignInRevocations}).
 */
public final class ConsoleSession {
    private static final String ATTRIBUTE = "beacon.user";
    private static final long RECHECK_SECONDS = 60;

    private ConsoleSession() {}

    private record Entry(String username, Actor actor, Instant checkedAt, long stamp) implements Serializable {}

    public static void signIn(HttpServletRequest request, Actor actor, SignInRevocations revocations) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true); // a fresh id: no session fixation
        session.setAttribute(ATTRIBUTE, new Entry(actor.username(), actor, Instant.now(), revocations.stamp()));
    }

    /**
     * Keeps the caller's own session when they just ended all their sign-ins by changing their
     * password: the others end, this one goes on.
     */
    public static void renew(HttpServletRequest request, SignInRevocations revocations) {
        HttpSession session = request.getSession(false);
        if (session != null && entry(session) instanceof Entry entry) {
            session.setAttribute(ATTRIBUTE, new Entry(entry.username(), entry.actor(), entry.checkedAt(),
                    revocations.stamp()));
        }
    }

    public static void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    /** Whether the session still holds a signed-in user (false once signed out, expired or revoked). */
    public static boolean isSignedIn(HttpSession session, SignInRevocations revocations) {
        return entry(session) instanceof Entry entry && !revocations.isRevoked(entry.username(), entry.stamp());
    }

    static Optional<Actor> actor(HttpSession session, Authenticator authenticator, SignInRevocations revocations) {
        if (!(entry(session) instanceof Entry entry)) {
            return Optional.empty();
        }
        if (revocations.isRevoked(entry.username(), entry.stamp())) {
            invalidate(session);
            return Optional.empty();
        }
        if (entry.checkedAt().plusSeconds(RECHECK_SECONDS).isAfter(Instant.now())) {
            return Optional.of(entry.actor());
        }
        Optional<Actor> fresh = authenticator.actorFor(entry.username());
        if (fresh.isPresent()) {
            session.setAttribute(ATTRIBUTE, new Entry(entry.username(), fresh.get(), Instant.now(), entry.stamp()));
        } else {
            invalidate(session);
        }
        return fresh;
    }

    private static Object entry(HttpSession session) {
        try {
            return session.getAttribute(ATTRIBUTE);
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    private static void invalidate(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException already) {
            // signed out meanwhile
        }
    }
}
