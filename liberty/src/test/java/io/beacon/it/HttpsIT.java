package io.beacon.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.it.support.BeaconServer;
import io.beacon.it.support.BeaconServerExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * HTTPS as a user gets it without any setting: a self-signed certificate for localhost that stays
 * the same across restarts, HSTS on HTTPS answers only, and a SameSite=Lax session cookie.
 */
@ExtendWith(BeaconServerExtension.class)
class HttpsIT {

    @Test
    void theHttpsPortKeepsItsSelfSignedCertificateAcrossARestart(BeaconServer server) throws Exception {
        X509Certificate before = awaitCertificate(server);
        assertThat(before.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))))
                .contains("localhost", "127.0.0.1"); // the client checked the host name against them too
        Path tls = server.workDir().resolve("data/tls");
        for (String file : List.of("key.p12", "keystore.password", "tls.xml")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.resolve(file))))
                    .as(file).isEqualTo("rw-------");
        }
        assertThat(Files.readString(tls.resolve("keystore.password")).trim()).hasSizeGreaterThanOrEqualTo(32);

        server.stop();
        server.start();

        assertThat(fingerprint(awaitCertificate(server))).isEqualTo(fingerprint(before));
    }

    @Test
    void strictTransportSecurityGoesOutOnHttpsAnswersOnly(BeaconServer server) throws Exception {
        awaitCertificate(server);
        HttpResponse<String> https = client().send(get(httpsUrl(server, "/")), HttpResponse.BodyHandlers.ofString());
        assertThat(https.statusCode()).isEqualTo(200);
        assertThat(https.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");

        HttpResponse<String> http = client().send(get(server.baseUrl() + "/"), HttpResponse.BodyHandlers.ofString());
        assertThat(http.statusCode()).isEqualTo(200);
        assertThat(http.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void theConsoleSessionCookieIsSameSiteLaxAndHttpOnly(BeaconServer server) throws Exception {
        awaitCertificate(server);
        for (String base : List.of(server.baseUrl(), httpsUrl(server, ""))) {
            HttpRequest signIn = HttpRequest.newBuilder(URI.create(base + "/api/session"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"admin\",\"password\":\"" + BeaconServer.ADMIN_PASSWORD + "\"}"))
                    .build();
            HttpResponse<String> answer = client().send(signIn, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(base).isEqualTo(200);
            String cookie = answer.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
            assertThat(cookie).as(base).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly");
        }
    }

    static String httpsUrl(BeaconServer server, String path) {
        return "https://localhost:" + server.httpsPort() + path;
    }

    /** At the first start the port opens a few seconds after readiness (Liberty reads the new keystore then). */
    static X509Certificate awaitCertificate(BeaconServer server) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        IOException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> answer = client().send(get(httpsUrl(server, "/health/live")),
                        HttpResponse.BodyHandlers.discarding());
                return (X509Certificate) answer.sslSession().orElseThrow().getPeerCertificates()[0];
            } catch (IOException notYet) {
                last = notYet;
                Thread.sleep(500);
            }
        }
        throw new AssertionError("The HTTPS port " + server.httpsPort() + " did not answer", last);
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build();
    }

    static String fingerprint(X509Certificate certificate) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }

    /**
     * A client for the self-signed certificate, in tests only. A plain X509TrustManager accepts any
     * chain, but the JDK still checks the host name against the certificate's names.
     */
    static HttpClient client() throws Exception {
        TrustManager trustAny = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                Objects.requireNonNull(chain);
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAny}, new SecureRandom());
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }
}
