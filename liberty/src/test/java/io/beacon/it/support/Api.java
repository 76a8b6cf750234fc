package io.beacon.it.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Short ways to call the API as a given user. */
public final class Api {
    private Api() {}

    public static RequestSpecification as(String username, String password) {
        return given().auth().preemptive().basic(username, password).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    public static RequestSpecification asAdmin() {
        return as("admin", BeaconServer.ADMIN_PASSWORD);
    }

    /** Demo users are created with the password {@code <name>-demo-pass}. */
    public static RequestSpecification asDemo(String username) {
        return as(username, username + "-demo-pass");
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
