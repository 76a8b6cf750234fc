package io.beacon.identity.application;

import io.beacon.identity.domain.ApiToken;
import io.beacon.identity.domain.PasswordHasher;
import io.beacon.identity.domain.User;
import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.Validator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Issues and checks bearer tokens; the token itself is shown once, at creation. */
@ApplicationScoped
public class ApiTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "beacon")
    EntityManager em;

    @Inject
    Clock clock;

    public record Issued(ApiToken token, String secret) {}

    @Transactional
    public Issued issue(User user, String name, Instant expiresAt) {
        new Validator().text(name, "name", true, 100).throwIfInvalid();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "bct_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = new ApiToken(user, name, PasswordHasher.sha256Hex(secret), clock.instant(), expiresAt);
        em.persist(token);
        return new Issued(token, secret);
    }

    @Transactional
    public Optional<Actor> verify(String secret) {
        if (secret == null || !secret.startsWith("bct_") || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return em.createQuery("select t from ApiToken t join fetch t.user where t.tokenHash = :h", ApiToken.class)
                .setParameter("h", PasswordHasher.sha256Hex(secret)).getResultStream().findFirst()
                .filter(t -> t.isValidAt(now))
                .map(t -> new Actor(t.getUser().getUsername(), t.getUser().getRoles()));
    }
}
