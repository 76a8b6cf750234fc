package io.beacon.identity.application;

import io.beacon.identity.domain.PasswordHasher;
import io.beacon.identity.domain.User;
import io.beacon.identity.domain.Users;
import io.beacon.platform.domain.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Checks a user name and password against the stored hash. A name without a usable password (no
 * such user, inactive, or no password set) is checked against a dummy hash of the same cost, so
 * that the answer's timing does not tell whether the name exists.
 */
@ApplicationScoped
public class Authenticator {
    private final PasswordHasher hasher = new PasswordHasher();
    private final String dummyHash = hasher.hash("no-such-user-" + System.nanoTime());

    @Inject
    Users users;

    @Inject
    CredentialCache cache;

    @Transactional
    public Optional<Actor> verify(String username, String password) {
        if (username == null || password == null || username.length() > 64 || password.length() > 256) {
            return Optional.empty();
        }
        var cached = cache.lookup(username, password);
        if (cached.isPresent()) {
            return Optional.of(new Actor(username, cached.get()));
        }
        Optional<User> user = users.byUsername(username).filter(User::canSignIn);
        if (user.isEmpty()) {
            hasher.verify(password, dummyHash);
            return Optional.empty();
        }
        if (!hasher.verify(password, user.get().getPasswordHash())) {
            return Optional.empty();
        }
        cache.remember(username, password, user.get().getRoles());
        return Optional.of(new Actor(username, user.get().getRoles()));
    }

    /** The actor for an already authenticated name (a console session), if still active. */
    @Transactional
    public Optional<Actor> actorFor(String username) {
        return users.byUsername(username).filter(User::isActive).map(u -> new Actor(u.getUsername(), u.getRoles()));
    }
}
