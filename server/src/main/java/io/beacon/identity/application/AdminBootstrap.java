package io.beacon.identity.application;

import io.beacon.identity.domain.PasswordHasher;
import io.beacon.identity.domain.User;
import io.beacon.identity.domain.Users;
import io.beacon.platform.config.BeaconConfig;
import io.beacon.platform.startup.StartupEvent;
import jakarta.annotation.Priority;
import io.beacon.platform.domain.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Creates the {@code admin} user at first start: with {@code BEACON_ADMIN_PASSWORD} when set,
 * otherwise with a random password that is logged exactly once. It runs first on the start-up event.
 */
@ApplicationScoped
public class AdminBootstrap {
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @Inject
    Users users;

    @Inject
    BeaconConfig config;

    @Inject
    Clock clock;

    @Transactional
    void ensureAdmin(@Observes @Priority(StartupEvent.FIRST_ADMIN) StartupEvent started) {
        if (users.byUsername("admin").isPresent()) {
            return;
        }
        boolean generated = config.adminPassword().isEmpty();
        String password = config.adminPassword().orElseGet(AdminBootstrap::randomPassword);
        User admin = new User("admin", "Administrator", null, Set.of(Role.ADMIN, Role.AGENT, Role.APPROVER),
                "en", "Asia/Seoul", clock.instant());
        admin.setPasswordHash(new PasswordHasher().hash(password));
        users.add(admin);
        if (generated) {
            LOG.warning("Created user 'admin' with the generated password: " + password
                    + "  (shown once; set BEACON_ADMIN_PASSWORD to choose it)");
        } else {
            LOG.info("Created user 'admin' with the password from BEACON_ADMIN_PASSWORD");
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
