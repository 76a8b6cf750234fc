package io.beacon.identity.security;

import io.beacon.identity.application.Authenticator;
import io.beacon.identity.application.SignInRevocations;
import io.beacon.platform.domain.Actor;
import io.beacon.platform.live.StreamSignIns;
import io.beacon.platform.security.CallerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A live stream's sign-in: it ends when its console session is signed out or expired, when its
 * user's password changed or they were deactivated (see {@link SignInRevocations}), and, read again
 * from the database once a minute, when other nodes deactivated them.
 */
@ApplicationScoped
public class LiveStreamSignIns implements StreamSignIns {
    static final long REREAD_SECONDS = 60;

    @Inject
    CallerIdentity caller;

    @Inject
    HttpServletRequest request;

    @Inject
    SignInRevocations revocations;

    @Inject
    Authenticator authenticator;

    @Override
    public StreamSignIn ofCurrentRequest() {
        // A stream opened with the console's cookie lives only as long as that session.
        HttpSession session = caller.viaSession() ? request.getSession(false) : null;
        return new Held(caller.caller(), session, revocations.stamp(), new AtomicLong(System.nanoTime()));
    }

    /** {@code session} is null when the stream was opened with HTTP Basic or a token. */
    private final class Held implements StreamSignIn {
        private final Actor actor;
        private final HttpSession session;
        private final long stamp;
        private final AtomicLong readAt;

        Held(Actor actor, HttpSession session, long stamp, AtomicLong readAt) {
            this.actor = actor;
            this.session = session;
            this.stamp = stamp;
            this.readAt = readAt;
        }

        @Override
        public Actor actor() {
            return actor;
        }

        @Override
        public boolean holds() {
            if (revocations.isRevoked(actor.username(), stamp)
                    || session != null && !ConsoleSession.isSignedIn(session, revocations)) {
                return false;
            }
            if (System.nanoTime() - readAt.get() > TimeUnit.SECONDS.toNanos(REREAD_SECONDS)) {
                readAt.set(System.nanoTime());
                return authenticator.actorFor(actor.username()).isPresent();
            }
            return true;
        }
    }
}
