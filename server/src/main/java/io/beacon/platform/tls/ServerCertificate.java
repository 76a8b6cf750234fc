package io.beacon.platform.tls;

import io.beacon.platform.config.BeaconConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives Liberty the HTTPS port's keystore. server.xml includes {@code <data dir>/tls/tls.xml} when it
 * exists, and Liberty re-reads it when it changes, so the HTTPS port opens as soon as this class has
 * written it: at first start a few seconds after the application, at every later start at once.
 * <p>
 * Either the operator's PKCS#12 keystore ({@code BEACON_TLS_KEYSTORE}, its password stays in the
 * environment), or a self-signed certificate generated at first start and kept in the data
 * directory with a random password beside it (both 0600), so its fingerprint survives restarts.
 */
@ApplicationScoped
public class ServerCertificate {
    private static final Logger LOG = Logger.getLogger(ServerCertificate.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String PASSWORD_VARIABLE = "BEACON_TLS_KEYSTORE_PASSWORD";

    @Inject
    BeaconConfig config;

    @Inject
    @ConfigProperty(name = "beacon.tls.keystore")
    Optional<String> operatorKeystore;

    @Inject
    @ConfigProperty(name = "beacon.tls.keystore.password")
    Optional<String> operatorPassword;

    /** Writes the keystore include for Liberty; a failure leaves HTTPS closed but Beacon running. */
    public void install() {
        Path dir = config.dataDir().resolve("tls");
        try {
            PrivateFiles.directory(dir);
            String include = operatorKeystore.filter(s -> !s.isBlank()).map(Path::of)
                    .filter(this::opensWithOperatorPassword)
                    .map(ServerCertificate::operatorInclude)
                    .orElseGet(() -> selfSignedInclude(dir));
            Path file = dir.resolve("tls.xml");
            if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(include)) {
                PrivateFiles.write(file, include); // only on a change: every write is a configuration update
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "HTTPS stays closed: its keystore could not be prepared in " + dir, e);
        }
    }

    private boolean opensWithOperatorPassword(Path keystore) {
        String password = operatorPassword.orElse("");
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore.getInstance("PKCS12").load(in, password.toCharArray());
            return true;
        } catch (IOException | GeneralSecurityException e) {
            LOG.severe("BEACON_TLS_KEYSTORE " + keystore + " cannot be opened as PKCS#12 with "
                    + PASSWORD_VARIABLE + " (" + e.getMessage() + "); HTTPS uses the self-signed certificate instead");
            return false;
        }
    }

    private static String operatorInclude(Path keystore) {
        // The password is left to Liberty to read from the environment: it is never written down.
        return include(keystore.toAbsolutePath(), "${env." + PASSWORD_VARIABLE + "}");
    }

    private static String selfSignedInclude(Path dir) {
        try {
            Path passwordFile = dir.resolve("keystore.password");
            Path keystore = dir.resolve("key.p12");
            String password;
            if (Files.exists(passwordFile) && Files.exists(keystore)) {
                password = Files.readString(passwordFile, StandardCharsets.UTF_8).trim();
            } else {
                byte[] bytes = new byte[24];
                RANDOM.nextBytes(bytes);
                password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                SelfSignedKeystore.create(keystore, password);
                PrivateFiles.write(passwordFile, password + "\n");
            }
            return include(keystore, password);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String include(Path keystore, String password) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by Beacon at start-up (see the README, HTTPS); changes here are overwritten. -->
                <server>
                  <!-- polled: a renewed certificate written to the same path is taken up without a restart -->
                  <keyStore id="defaultKeyStore" type="PKCS12" location="%s" password="%s"
                            updateTrigger="polled" pollingRate="10s"/>
                </server>
                """.formatted(xml(keystore.toAbsolutePath().normalize().toString()), xml(password));
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
