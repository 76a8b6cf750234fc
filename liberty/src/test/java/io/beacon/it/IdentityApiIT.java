package io.beacon.it;

import static io.beacon.it.support.Api.anonymous;
import static io.beacon.it.support.Api.as;
import static io.beacon.it.support.Api.asAdmin;
import static io.beacon.it.support.Api.asDemo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.beacon.it.support.BeaconServerExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(BeaconServerExtension.class)
class IdentityApiIT {

    @Test
    void adminCreatesAUserWhoCanThenSignInWithTheirPassword() {
        asAdmin().body(Map.of("username", "minji", "password", "correct-horse-1", "displayName", "정민지",
                        "email", "Minji@Example.com", "roles", List.of("agent"), "locale", "ko"))
                .post("/api/users")
                .then().statusCode(201)
                .header("Location", containsString("/api/users/"))
                .body("username", equalTo("minji"))
                .body("displayName", equalTo("정민지"))
                .body("email", equalTo("minji@example.com"))
                .body("roles", equalTo(List.of("agent")))
                .body("passwordHash", nullValue())
                .body("password", nullValue());

        as("minji", "correct-horse-1").get("/api/me")
                .then().statusCode(200)
                .body("user.username", equalTo("minji"))
                .body("user.displayName", equalTo("정민지"));
        as("minji", "wrong-password").get("/api/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void withoutCredentialsTheApiAnswers401WithAProblemAndABasicChallenge() {
        anonymous().get("/api/me").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"))
                .contentType("application/problem+json")
                .body("title", equalTo("Unauthorized"))
                .body("detail", notNullValue());
    }

    @Test
    void aRoleThatMayNotGets403() {
        asDemo("requester").body(Map.of("username", "sneaky", "password", "sneaky-password-1",
                        "roles", List.of("admin")))
                .post("/api/users")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
        asDemo("requester").get("/api/users").then().statusCode(403);
        asDemo("agent").get("/api/users").then().statusCode(200);
    }

    @Test
    void malformedJsonIs400AndInvalidFieldsAre422NamingTheField() {
        asAdmin().body("{\"username\": \"x\"").post("/api/users")
                .then().statusCode(400)
                .contentType("application/problem+json");
        asAdmin().body(Map.of("username", "has space", "password", "short", "roles", List.of("agent"),
                        "locale", "fr"))
                .post("/api/users")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("username", "password", "locale"));
    }

    @Test
    void aDuplicateUserNameIs409() {
        asAdmin().body(Map.of("username", "twice", "password", "twice-password-1", "roles", List.of("agent")))
                .post("/api/users").then().statusCode(201);
        asAdmin().body(Map.of("username", "twice", "password", "twice-password-1", "roles", List.of("agent")))
                .post("/api/users").then().statusCode(409)
                .body("errors.field", hasItem("username"));
    }

    @Test
    void anUnknownUserIs404() {
        asAdmin().get("/api/users/nobody-here").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void demoDataGivesUsersInEveryRoleAndGroups() {
        asAdmin().get("/api/users?size=100").then().statusCode(200)
                .body("items.username", hasItems("admin", "agent", "approver", "requester", "monitor"));
        asAdmin().get("/api/groups").then().statusCode(200)
                .body("items.name", hasItems("Service Desk", "Network Operations", "CAB"));
    }

    @Test
    void aBearerTokenAuthenticatesAnIntegrationUser() {
        String token = asAdmin().body(Map.of("name", "alertmanager"))
                .post("/api/users/monitor/tokens")
                .then().statusCode(201)
                .extract().path("token");
        anonymous().header("Authorization", "Bearer " + token).get("/api/me")
                .then().statusCode(200).body("user.username", equalTo("monitor"));
        anonymous().header("Authorization", "Bearer bct_not-a-token").get("/api/me")
                .then().statusCode(401);
    }

    @Test
    void theConsoleSignsInWithASessionAndSignsOut() {
        var session = anonymous().body(Map.of("username", "agent", "password", "agent-demo-pass"))
                .post("/api/session").then().statusCode(200)
                .body("roles", hasItem("agent"))
                .extract().detailedCookie("JSESSIONID");
        anonymous().cookie(session).get("/api/me").then().statusCode(200)
                .body("user.username", equalTo("agent"));
        // An unsafe call with the session cookie but without X-Requested-With is refused (CSRF).
        anonymous().cookie(session).body(Map.of("locale", "en")).patch("/api/me").then().statusCode(403);
        anonymous().cookie(session).header("X-Requested-With", "beacon").body(Map.of("locale", "en"))
                .patch("/api/me").then().statusCode(200).body("user.locale", equalTo("en"));
        anonymous().cookie(session).header("X-Requested-With", "beacon").delete("/api/session")
                .then().statusCode(204);
        anonymous().cookie(session).header("X-Requested-With", "beacon").get("/api/me")
                .then().statusCode(401)
                .header("WWW-Authenticate", nullValue());
    }

    private static io.restassured.http.Cookie signIn(String user, String password) {
        return anonymous().body(Map.of("username", user, "password", password))
                .post("/api/session").then().statusCode(200).extract().detailedCookie("JSESSIONID");
    }

    private static io.restassured.specification.RequestSpecification with(io.restassured.http.Cookie session) {
        return anonymous().cookie(session).header("X-Requested-With", "beacon");
    }

    @Test
    void aNewPasswordNeedsTheCurrentOneAndEndsTheUsersOtherSessions() {
        String user = "pw-" + ConsoleIT.token();
        asAdmin().body(Map.of("username", user, "password", "old-password-1", "roles", List.of("agent")))
                .post("/api/users").then().statusCode(201);
        var mine = signIn(user, "old-password-1");
        var other = signIn(user, "old-password-1");

        with(mine).body(Map.of("password", "new-password-1")).patch("/api/me")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://beacon.dev/problems/current-password-required"))
                .body("errors.field", hasItem("currentPassword"));
        with(mine).body(Map.of("password", "new-password-1", "currentPassword", "not-my-password"))
                .patch("/api/me").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://beacon.dev/problems/wrong-current-password"));
        with(other).get("/api/me").then().statusCode(200); // refusals changed nothing

        with(mine).body(Map.of("password", "new-password-1", "currentPassword", "old-password-1"))
                .patch("/api/me").then().statusCode(200).body("user.username", equalTo(user));
        with(other).get("/api/me").then().statusCode(401);
        with(mine).get("/api/me").then().statusCode(200).body("user.username", equalTo(user));
        as(user, "old-password-1").get("/api/me").then().statusCode(401);
        as(user, "new-password-1").get("/api/me").then().statusCode(200);
        // Changing the password with Basic needs the current one too.
        as(user, "new-password-1").body(Map.of("password", "newer-password-1")).patch("/api/me")
                .then().statusCode(400);
    }

    @Test
    void anAdminSetsAnotherUsersPasswordWithoutTheirCurrentOneAndEndsTheirSessions() {
        String user = "reset-" + ConsoleIT.token();
        asAdmin().body(Map.of("username", user, "password", "old-password-1", "roles", List.of("agent")))
                .post("/api/users").then().statusCode(201);
        var session = signIn(user, "old-password-1");
        as(user, "old-password-1").get("/api/me").then().statusCode(200);

        asAdmin().body(Map.of("password", "reset-password-1")).patch("/api/users/" + user)
                .then().statusCode(200);
        with(session).get("/api/me").then().statusCode(401);
        as(user, "old-password-1").get("/api/me").then().statusCode(401);
        as(user, "reset-password-1").get("/api/me").then().statusCode(200);
        // Only other users: an admin's own password needs the current one, wherever it is set.
        asAdmin().body(Map.of("password", "admin-new-password-1")).patch("/api/users/admin")
                .then().statusCode(400).body("errors.field", hasItem("currentPassword"));
        asDemo("agent").body(Map.of("password", "agent-new-password-1")).patch("/api/users/" + user)
                .then().statusCode(403);
    }

    @Test
    void deactivatingAUserEndsTheirSessionsAtOnce() {
        String user = "leaver-" + ConsoleIT.token();
        asAdmin().body(Map.of("username", user, "password", "leaver-password-1", "roles", List.of("agent")))
                .post("/api/users").then().statusCode(201);
        var session = signIn(user, "leaver-password-1");
        asAdmin().body(Map.of("active", false)).patch("/api/users/" + user).then().statusCode(200);
        with(session).get("/api/me").then().statusCode(401);
        as(user, "leaver-password-1").get("/api/me").then().statusCode(401);
    }
}
