package io.beacon.platform.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedKeystoreTest {

    @Test
    void createsAPrivatePkcs12KeystoreForLocalhostThatOpensWithItsPassword(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("key.p12");
        SelfSignedKeystore.create(file, "a-random-password-123");

        KeyStore keystore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            keystore.load(in, "a-random-password-123".toCharArray());
        }
        assertTrue(keystore.isKeyEntry(SelfSignedKeystore.ALIAS));
        X509Certificate certificate = (X509Certificate) keystore.getCertificate(SelfSignedKeystore.ALIAS);
        List<String> names = certificate.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList();
        assertTrue(names.contains("localhost"), names::toString);
        assertTrue(names.contains("127.0.0.1"), names::toString);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void theLibertyIncludeEscapesWhatItQuotes() {
        String include = ServerCertificate.include(Path.of("/data/a&b\"c/key.p12"), "p<w>d");
        assertTrue(include.contains("location=\"/data/a&amp;b&quot;c/key.p12\""), include);
        assertTrue(include.contains("password=\"p&lt;w&gt;d\""), include);
    }
}
