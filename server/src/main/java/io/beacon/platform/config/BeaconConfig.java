package io.beacon.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every application-level setting with its safe default. Each key {@code beacon.x.y} is also read
 * from the environment variable {@code BEACON_X_Y}; the README lists them all.
 */
@ApplicationScoped
public class BeaconConfig {

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "beacon.demo.data", defaultValue = "false")
    boolean demoData;

    @Inject
    @ConfigProperty(name = "beacon.admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "beacon.attachment.max.bytes", defaultValue = "10485760")
    long attachmentMaxBytes;

    @Inject
    @ConfigProperty(name = "beacon.auth.cache.seconds", defaultValue = "300")
    int authCacheSeconds;

    @Inject
    @ConfigProperty(name = "beacon.password.min.length", defaultValue = "10")
    int passwordMinLength;

    /**
     * {@code BEACON_DATA_DIR}, or {@code beacon-data} in the directory Beacon was started from. The
     * default in server.xml names that directory as {@code ${env.BEACON_START_DIR}} (set by server.env),
     * which Liberty expands for the datasource but MicroProfile Config cannot; so it is read here too.
     */
    public Path dataDir() {
        Optional<String> configured;
        try {
            configured = config.getOptionalValue("beacon.data.dir", String.class);
        } catch (RuntimeException unexpandable) {
            configured = Optional.empty();
        }
        return configured.filter(dir -> !dir.isBlank() && !dir.contains("${")).map(Path::of).orElseGet(() -> {
            String start = System.getenv("BEACON_START_DIR");
            return Path.of(start == null || start.isBlank() ? System.getProperty("user.dir") : start, "beacon-data");
        });
    }

    /** Whether start-up loads the demo data set (users in every role, a small topology, tickets). */
    public boolean demoData() {
        return demoData;
    }

    /** The admin password to set at first start; when absent a random one is generated and logged once. */
    public Optional<String> adminPassword() {
        return adminPassword.filter(p -> !p.isBlank());
    }

    public long attachmentMaxBytes() {
        return attachmentMaxBytes;
    }

    /** How long a verified password is remembered, so that Basic auth does not re-run PBKDF2 per request. */
    public int authCacheSeconds() {
        return authCacheSeconds;
    }

    public int passwordMinLength() {
        return passwordMinLength;
    }
}
