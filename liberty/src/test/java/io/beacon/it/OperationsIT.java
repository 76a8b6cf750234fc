package io.beacon.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.beacon.it.support.BeaconServer;
import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.Metrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(BeaconServerExtension.class)
class OperationsIT {

    @Test
    void healthEndpointsAnswerWithoutCredentials() {
        given().get("/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreServedInPrometheusTextToAnAdministrator() {
        // The test server asks for credentials on /metrics (BEACON_METRICS_AUTH=true): see MetricsAuthIT.
        Metrics.scrape(); // waits for the HTTPS port, which opens a little after readiness at the first start
        Metrics.https().auth().preemptive().basic("admin", BeaconServer.ADMIN_PASSWORD).get("/metrics")
                .then().statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("mp_scope=\"base\""));
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        // Open, as by default (MetricsAuthIT puts it behind Beacon's users on a server of its own).
        given().accept("application/json").get("/openapi").then().statusCode(200)
                .body(containsString("/api/users"))
                .body(containsString("/api/tickets"));
    }

    @Test
    void theConsoleIsServedAtTheRoot() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"));
    }

    @Test
    void bootToReadyTakesSeconds(BeaconServer server) {
        // Not a timing assertion: the figure is printed for the record (see the README).
        System.out.printf("Boot to /health/ready on %s: %d ms%n", server.database(),
                server.lastStartDuration().toMillis());
    }
}
