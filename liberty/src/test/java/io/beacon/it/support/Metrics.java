package io.beacon.it.support;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;

/**
 * Reads counters from {@code /metrics} (Prometheus text) as Prometheus does on the test server,
 * where metrics ask for credentials (BEACON_METRICS_AUTH=true): over HTTPS, with HTTP Basic.
 */
public final class Metrics {
    private static volatile int httpsPort;

    private Metrics() {}

    static void scrapeAt(int port) {
        httpsPort = port;
    }

    /** A request to the HTTPS port (self-signed certificate accepted: tests only), not yet authenticated. */
    public static RequestSpecification https() {
        return given().relaxedHTTPSValidation().baseUri("https://localhost").port(httpsPort);
    }

    /** The scrape as Prometheus gets it with an administrator's basic_auth. */
    public static String scrape() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90)); // HTTPS opens a little after readiness
        while (true) {
            try {
                return https().auth().preemptive().basic("admin", BeaconServer.ADMIN_PASSWORD).get("/metrics")
                        .then().statusCode(200).extract().asString();
            } catch (Exception notYetOpen) { // REST Assured throws the ConnectException as it is
                if (!(notYetOpen instanceof java.io.IOException) || Instant.now().isAfter(deadline)) {
                    throw notYetOpen instanceof RuntimeException r ? r : new IllegalStateException(notYetOpen);
                }
                sleep();
            }
        }
    }

    /** The sum of every sample of {@code name} whose labels contain each of {@code labelParts}. */
    public static double value(String name, String... labelParts) {
        String text = scrape();
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            boolean all = true;
            for (String part : labelParts) {
                all &= line.contains(part);
            }
            if (all) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
