package io.beacon.it;

import static io.beacon.it.support.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.beacon.it.support.BeaconServer;
import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.Metrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * /metrics with BEACON_METRICS_AUTH=true (the test server's setting): Prometheus's basic_auth with
 * an administrator, or its bearer token of a user with the metrics role; nobody else.
 */
@ExtendWith(BeaconServerExtension.class)
class MetricsAuthIT {

    @BeforeAll
    static void httpsIsOpen() {
        Metrics.scrape();
    }

    @Test
    void anAdministratorScrapesWithBasicAuth() {
        Metrics.https().auth().preemptive().basic("admin", BeaconServer.ADMIN_PASSWORD).get("/metrics")
                .then().statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("# TYPE"))
                .body(containsString("mp_scope=\"base\""));
    }

    @Test
    void aScrapeOnlyUserAndItsTokenReadMetricsButNotTheApi() {
        String name = "prometheus-" + System.nanoTime();
        asAdmin().body(Map.of("username", name, "password", "scrape-password-1", "roles", List.of("metrics")))
                .post("/api/users").then().statusCode(201);
        String token = asAdmin().body(Map.of("name", "prometheus")).post("/api/users/" + name + "/tokens")
                .then().statusCode(201).extract().path("token");

        Metrics.https().header("Authorization", "Bearer " + token).get("/metrics")
                .then().statusCode(200).body(containsString("mp_scope=\"base\""));
        Metrics.https().auth().preemptive().basic(name, "scrape-password-1").get("/metrics")
                .then().statusCode(200);
        // The role reads metrics and nothing else.
        given().header("Authorization", "Bearer " + token).get("/api/tickets").then().statusCode(403);
    }

    @Test
    void noOrWrongCredentialsAre401AndOtherRolesAre403() {
        Metrics.https().get("/metrics").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"));
        Metrics.https().auth().preemptive().basic("admin", "not-the-password").get("/metrics").then().statusCode(401);
        Metrics.https().header("Authorization", "Bearer bct_not-a-token").get("/metrics").then().statusCode(401);
        Metrics.https().auth().preemptive().basic("requester", "requester-demo-pass").get("/metrics")
                .then().statusCode(403);
        Metrics.https().auth().preemptive().basic("agent", "agent-demo-pass").get("/metrics")
                .then().statusCode(403);
    }

    @Test
    void plainHttpIsSentToHttps(BeaconServer server) throws IOException {
        // Liberty's protected metrics module asks for a confidential transport.
        given().redirects().follow(false).get("/metrics").then().statusCode(302)
                .header("Location", containsString("https://"))
                .header("Location", containsString(":" + server.httpsPort() + "/metrics"));
        assertThat(securityErrors(server)).isEmpty();
    }

    @Test
    void authorizationHeadersOnOpenEndpointsLeaveNoErrorsBehind(BeaconServer server) throws IOException {
        long before = ffdcFiles(server).size();
        for (String path : List.of("/health/ready", "/health/live")) {
            given().auth().preemptive().basic("admin", "whatever-password").get(path).then().statusCode(200);
            given().header("Authorization", "Bearer bct_not-a-token").get(path).then().statusCode(200);
        }
        assertThat(ffdcFiles(server)).hasSize((int) before);
        assertThat(securityErrors(server)).isEmpty();
    }

    /**
     * A server of its own with open metrics (the default), as Prometheus with credentials meets it, and
     * with the OpenAPI document behind Beacon's users (BEACON_OPENAPI_AUTH=true; the shared test server
     * leaves it open, as by default, since the console reads it to learn the API's paths).
     */
    @Test
    void openMetricsIgnoreCredentialsWithoutErrors() throws Exception {
        BeaconServer open = BeaconServer.withDefaultDataDirectory().with("BEACON_METRICS_AUTH", "false")
                .with("BEACON_OPENAPI_AUTH", "true").with("BEACON_DEMO_DATA", "false");
        try {
            open.start();
            int linesBefore = Files.readAllLines(open.workDir().resolve("server.log")).size();
            for (String authorization : List.of("Basic " + java.util.Base64.getEncoder().encodeToString(
                    ("admin:" + BeaconServer.ADMIN_PASSWORD).getBytes()), "Basic Zm9vOmJhcg==", "Bearer bct_x")) {
                given().baseUri(open.baseUrl()).port(open.httpPort()).header("Authorization", authorization)
                        .get("/metrics").then().statusCode(200).body(containsString("mp_scope=\"base\""));
            }
            given().baseUri(open.baseUrl()).port(open.httpPort()).get("/metrics").then().statusCode(200);
            given().baseUri(open.baseUrl()).port(open.httpPort()).get("/openapi").then().statusCode(401);
            given().baseUri(open.baseUrl()).port(open.httpPort()).auth().preemptive().basic("admin", "not-it")
                    .get("/openapi").then().statusCode(401);
            given().baseUri(open.baseUrl()).port(open.httpPort()).auth().preemptive()
                    .basic("admin", BeaconServer.ADMIN_PASSWORD).get("/openapi").then().statusCode(200)
                    .body(containsString("/api/tickets"));
            assertThat(ffdcFiles(open)).isEmpty();
            List<String> log = Files.readAllLines(open.workDir().resolve("server.log"));
            assertThat(log.subList(linesBefore, log.size())).noneMatch(line -> line.contains("[ERROR"));
        } finally {
            open.close();
        }
    }

    static List<String> securityErrors(BeaconServer server) throws IOException {
        return Files.readAllLines(server.workDir().resolve("server.log")).stream()
                .filter(line -> line.contains("[ERROR") && line.contains("CWWKS")).toList();
    }

    /**
     * The FFDC reports of every start of this server. Only the logs' ffdc folders are listed: walking the
     * whole server directory meets the OSGi framework's temporary files as they come and go.
     */
    static List<Path> ffdcFiles(BeaconServer server) throws IOException {
        List<Path> reports = new java.util.ArrayList<>();
        boolean logsFound = false;
        try (Stream<Path> starts = Files.list(server.workDir())) {
            for (Path start : starts.filter(p -> p.getFileName().toString().startsWith("server-")).toList()) {
                Path logs = start.resolve("wlp/usr/servers/beacon/logs");
                logsFound |= Files.isDirectory(logs);
                Path ffdc = logs.resolve("ffdc");
                if (Files.isDirectory(ffdc)) {
                    try (Stream<Path> files = Files.list(ffdc)) {
                        files.filter(Files::isRegularFile).forEach(reports::add);
                    }
                }
            }
        }
        if (!logsFound) {
            throw new IllegalStateException("no Liberty logs folder under " + server.workDir());
        }
        return reports;
    }
}
