package io.beacon.platform.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Creates a PKCS#12 keystore with a self-signed certificate for localhost and this machine's host
 * name, with the JDK's keytool (the JDK has no public API to sign a certificate).
 */
final class SelfSignedKeystore {
    private static final Logger LOG = Logger.getLogger(SelfSignedKeystore.class.getName());
    private static final Pattern DNS_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
    static final String ALIAS = "beacon";
    private static final int VALIDITY_DAYS = 3650;

    private SelfSignedKeystore() {}

    static void create(Path keystore, String password) throws IOException {
        Path temporary = keystore.resolveSibling(keystore.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        String host = hostName();
        List<String> command = List.of(keytool(), "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "3072",
                "-sigalg", "SHA256withRSA", "-validity", String.valueOf(VALIDITY_DAYS),
                "-dname", "CN=" + (host == null ? "localhost" : host) + ", O=Beacon self-signed",
                "-ext", "SAN=" + subjectAlternativeNames(host),
                "-storetype", "PKCS12", "-keystore", temporary.toString(),
                // from the environment, so that the password never shows in the process list
                "-storepass:env", "BEACON_KEYSTORE_SECRET", "-keypass:env", "BEACON_KEYSTORE_SECRET");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("BEACON_KEYSTORE_SECRET", password);
        Process keytool = builder.start();
        String output = new String(keytool.getInputStream().readAllBytes());
        try {
            if (!keytool.waitFor(120, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                keytool.destroyForcibly();
                throw new IOException("keytool could not create the certificate: " + output.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool created the certificate", e);
        }
        PrivateFiles.restrict(temporary);
        Files.move(temporary, keystore, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("Created a self-signed certificate for " + subjectAlternativeNames(host) + " in " + keystore
                + " (valid " + VALIDITY_DAYS + " days; see the README to install your own)");
    }

    static String subjectAlternativeNames(String host) {
        List<String> names = new ArrayList<>(List.of("dns:localhost"));
        if (host != null && !"localhost".equals(host)) {
            names.add("dns:" + host);
        }
        names.add("ip:127.0.0.1");
        names.add("ip:::1");
        return String.join(",", names);
    }

    /** This machine's host name when it is a valid DNS name; null when it cannot be found. */
    static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getCanonicalHostName().toLowerCase(Locale.ROOT);
            return DNS_NAME.matcher(name).matches() && name.chars().anyMatch(Character::isLetter) ? name : null;
        } catch (IOException | RuntimeException unknown) {
            return null;
        }
    }

    private static String keytool() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "keytool.exe" : "keytool").toString();
    }
}
