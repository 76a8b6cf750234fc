package io.beacon.it;

import static io.beacon.it.support.Api.anonymous;
import static io.beacon.it.support.Api.asAdmin;
import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.beacon.it.support.BeaconServer;
import io.beacon.it.support.BeaconServerExtension;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a hostile or careless client sends at the edge, against the real server: safety headers on
 * every answer, bodies capped before parsing, malformed input answered 400 (never 500), a raw UTF-8
 * query string, error bodies without framework internals, and names without bidi controls.
 */
@ExtendWith(BeaconServerExtension.class)
class InputHardeningIT {
    private static final int ELEVEN_MIB = 11 * 1024 * 1024;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void everyAnswerCarriesTheSafetyHeaders() {
        assertSafetyHeaders(RestAssured.given().get("/"));
        assertSafetyHeaders(asDemo("agent").get("/api/tickets"));
        Response unauthorized = anonymous().get("/api/tickets");
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertSafetyHeaders(unauthorized);
        Response wrongPassword = io.beacon.it.support.Api.as("admin", "not-the-password").get("/api/tickets");
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertSafetyHeaders(wrongPassword);
        Response missing = RestAssured.given().get("/no-such-page.html");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertSafetyHeaders(missing);
    }

    private static void assertSafetyHeaders(Response r) {
        String csp = r.header("Content-Security-Policy");
        assertThat(csp).as("CSP of %s", r.statusLine()).contains("script-src 'self'", "object-src 'none'",
                "base-uri 'self'", "frame-ancestors 'none'", "connect-src 'self'");
        assertThat(csp).doesNotContain("script-src 'self' 'unsafe-inline'");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("Referrer-Policy")).isEqualTo("same-origin");
    }

    @Test
    void anElevenMibSignInIsRefusedBeforeItIsRead(BeaconServer server) throws IOException {
        byte[] head = ("POST /api/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + ELEVEN_MIB + "\r\n\r\n{\"username\":\"").getBytes(StandardCharsets.US_ASCII);
        Instant start = Instant.now();
        String answer = exchange(server, head, null);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json")
                .contains("\"status\":413").contains("1048576");
    }

    @Test
    void aChunkedElevenMibSignInIsCutOffAtTheLimit(BeaconServer server) throws IOException {
        byte[] head = ("POST /api/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        Instant start = Instant.now();
        String answer = exchange(server, head, out -> {
            byte[] chunk = ("{\"username\":\"" + "a".repeat(64 * 1024 - 13)).getBytes(StandardCharsets.US_ASCII);
            for (int sent = 0; sent < ELEVEN_MIB; sent += chunk.length) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(20));
        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("\"status\":413");
    }

    @Test
    void malformedBodiesAndParametersAreBadRequestsNotServerErrors() {
        String deep = "{\"title\":" + "[".repeat(100) + "]".repeat(100) + "}";
        asDemo("agent").body(deep).post("/api/tickets").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("detail", containsString("32"));
        asDemo("agent").body("[{\"title\":\"x\"}]").post("/api/tickets").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        asAdmin().body("[{\"name\":\"x\"}]").post("/api/cis").then().statusCode(400);
        anonymous().body("[1]").post("/api/session").then().statusCode(400);
        anonymous().body("{\"username\":{\"a\":1},\"password\":\"x\"}").post("/api/session").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.not(containsString("class ")));
        asDemo("agent").body("{\"title\": ").post("/api/tickets").then().statusCode(400);

        asDemo("agent").queryParam("page", "99999999999999").get("/api/tickets").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("errors.field", hasItem("page"));
        asDemo("agent").queryParam("size", -1).get("/api/tickets").then().statusCode(400)
                .body("errors.field", hasItem("size"));
        asDemo("agent").queryParam("page", Integer.MAX_VALUE).queryParam("size", 1000).get("/api/tickets")
                .then().statusCode(400).body("errors.field", hasItem("page"));
        asDemo("agent").queryParam("page", "two").get("/api/cis").then().statusCode(400);

        asAdmin().contentType("text/csv").body("name,type\n\"db-" + run + "\"x,server\n").post("/api/cis/import")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("detail", containsString("CSV"));
    }

    @Test
    void aQueryStringSentAsRawUtf8Works(BeaconServer server) throws IOException {
        String title = "장애" + run;
        asDemo("agent").body(Map.of("title", title, "type", "incident")).post("/api/tickets").then().statusCode(201);
        String auth = Base64.getEncoder().encodeToString("agent:agent-demo-pass".getBytes(StandardCharsets.UTF_8));
        byte[] request = ("GET /api/tickets?q=장애" + run + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                + auth + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        String answer = exchange(server, request, null);
        assertThat(answer).startsWith("HTTP/1.1 200").contains("application/json").contains(title)
                .doesNotContain("Exception");
    }

    @Test
    void errorAnswersNameNoFrameworkMessagesOrPaths() {
        for (Response r : List.of(RestAssured.given().get("/no-such-page.html"),
                asDemo("agent").get("/api/no-such-resource"),
                asDemo("agent").contentType("application/json").body("{}").put("/api/tickets"),
                RestAssured.given().contentType("application/json").body("{}").delete("/index.html"),
                RestAssured.given().contentType("application/json").body("{}").post("/js/app.js"),
                asDemo("agent").contentType("text/plain").body("x").post("/api/tickets"))) {
            assertThat(r.statusCode()).as(r.asString()).isIn(404, 405, 415);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.asString()).doesNotContainPattern("CWWK|SRVE|RESTEASY|[A-Z]{4}\\d{4}[EIW]")
                    .doesNotContain("Exception").doesNotContain("/wlp/").doesNotContain("http://");
        }
        asDemo("agent").contentType("application/json").body("{}").put("/api/tickets").then().statusCode(405)
                .body("status", equalTo(405));
        RestAssured.given().delete("/index.html").then().statusCode(405).body("status", equalTo(405));
    }

    @Test
    void bidiControlsAreStrippedFromCiNamesAndFileNames() {
        String spoofed = "db-\u202Egpj-" + run;
        long id = ((Number) asAdmin().body(Map.of("name", spoofed, "type", "server")).post("/api/cis").then()
                .statusCode(201).body("name", equalTo("db-gpj-" + run)).extract().path("id")).longValue();
        asAdmin().body(Map.of("name", "\u2067web-" + run + "\u2069")).patch("/api/cis/" + id).then().statusCode(200)
                .body("name", equalTo("web-" + run));
        asAdmin().contentType("text/csv; charset=UTF-8").body("name,type\napp-\u200F" + run + ",application\n").post("/api/cis/import")
                .then().statusCode(200).body("created", equalTo(1));
        asDemo("agent").queryParam("name", "app-" + run).get("/api/cis").then().statusCode(200)
                .body("items.name", hasItem("app-" + run));

        String key = asDemo("agent").body(Map.of("title", "bidi " + run, "type", "incident")).post("/api/tickets")
                .then().statusCode(201).extract().path("key");
        asDemo("agent").contentType("application/octet-stream").queryParam("fileName", "invoice\u202Efdp.exe")
                .body(new byte[] {1, 2, 3}).post("/api/tickets/" + key + "/attachments").then().statusCode(201)
                .body("fileName", equalTo("invoicefdp.exe"));
    }

    /** One request over a plain socket, exactly the bytes given (HTTP clients would encode them). */
    private static String exchange(BeaconServer server, byte[] head, BodyWriter body) throws IOException {
        try (Socket socket = new Socket("localhost", server.httpPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.flush();
            if (body != null) {
                try {
                    body.write(out);
                    out.flush();
                } catch (SocketException closedEarly) {
                    // the server answered and closed before the whole body was sent: what we want
                }
            }
            return readAnswer(socket.getInputStream());
        }
    }

    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                answer.write(buffer, 0, n);
                String text = answer.toString(StandardCharsets.UTF_8);
                if (complete(text)) {
                    break;
                }
            }
        } catch (SocketException reset) {
            // a reset after the answer arrived
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    /** Whether the answer's body is all there (Content-Length, or the last chunk of a chunked body). */
    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String headers = text.substring(0, end).toLowerCase();
        int at = headers.indexOf("content-length:");
        if (at >= 0) {
            int length = Integer.parseInt(headers.substring(at + 15).split("\r\n")[0].trim());
            return text.substring(end + 4).getBytes(StandardCharsets.UTF_8).length >= length;
        }
        return headers.contains("chunked") && text.endsWith("0\r\n\r\n");
    }

    @FunctionalInterface
    private interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }
}
