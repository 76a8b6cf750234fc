package io.beacon.identity.application;

import io.beacon.identity.domain.PasswordHasher;
import io.beacon.platform.config.BeaconConfig;
import io.beacon.platform.domain.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers recently verified passwords (as a SHA-256 of user and password, never the password),
 * so that scripts using HTTP Basic pay the slow PBKDF2 hash once per few minutes, not per request.
 * A password or role change forgets the user at once.
 */
@ApplicationScoped
public class CredentialCache {
    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    BeaconConfig config;

    @Inject
    Clock clock;

    record Entry(String username, String digest, Set<Role> roles, Instant expires) {}

    Optional<Set<Role>> lookup(String username, String password) {
        Entry e = entries.get(username);
        if (e == null || clock.instant().isAfter(e.expires()) || !e.digest().equals(digest(username, password))) {
            return Optional.empty();
        }
        return Optional.of(e.roles());
    }

    void remember(String username, String password, Set<Role> roles) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(username, new Entry(username, digest(username, password), roles,
                clock.instant().plusSeconds(config.authCacheSeconds())));
    }

    public void forget(String username) {
        entries.remove(username);
    }

    private static String digest(String username, String password) {
        return PasswordHasher.sha256Hex(username + '\u0000' + password);
    }
}
