package io.beacon.identity.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ends every sign-in an account had so far (console sessions, open live streams) when its password
 * changes or it is deactivated. A sign-in remembers the stamp of its start; it is revoked when the
 * account was revoked after that stamp. Stamps come from one counter, not the clock, so two events
 * in the same millisecond stay ordered. Sessions live in this server's memory, so this does too;
 * the most recently revoked accounts are kept, up to a bound.
 */
@ApplicationScoped
public class SignInRevocations {
    private static final int MAX_ACCOUNTS = 50_000;

    private final AtomicLong counter = new AtomicLong();
    private final Map<String, Long> revokedAt = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > MAX_ACCOUNTS;
        }
    };

    /** The stamp a sign-in starting now carries. */
    public long stamp() {
        return counter.get();
    }

    /** Ends the account's sign-ins that started before now. */
    public void revoke(String username) {
        synchronized (revokedAt) {
            revokedAt.remove(username);
            revokedAt.put(username, counter.incrementAndGet());
        }
    }

    public boolean isRevoked(String username, long signInStamp) {
        synchronized (revokedAt) {
            Long revoked = revokedAt.get(username);
            return revoked != null && revoked > signInStamp;
        }
    }
}
