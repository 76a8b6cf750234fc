package io.beacon.it.support;

import static io.restassured.RestAssured.given;

/** Reads counters from {@code /metrics} (Prometheus text). */
public final class Metrics {
    private Metrics() {}

    /** The sum of every sample of {@code name} whose labels contain each of {@code labelParts}. */
    public static double value(String name, String... labelParts) {
        String text = given().get("/metrics").then().statusCode(200).extract().asString();
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
}
