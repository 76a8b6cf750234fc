package io.beacon.it;

import static io.beacon.it.support.Api.anonymous;
import static io.beacon.it.support.Api.asAdmin;
import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.Metrics;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Failed sign-ins against the real server: a back-off, a lock an admin lifts, the same answers and
 * about the same time for names that exist and names that do not, for HTTP Basic, the console's
 * sign-in and bearer tokens. Every test uses its own users and its own client address (sent as
 * X-Forwarded-For, which the test server trusts from localhost), so that no shared user or the
 * other tests' address is ever held back.
 */
@ExtendWith(BeaconServerExtension.class)
class SignInThrottleIT {
    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    /** A client address of its own for each caller, from the documentation range. */
    static String newAddress() {
        return "198.51.100." + ADDRESSES.incrementAndGet();
    }

    static String newUser(String prefix, String password) {
        String name = prefix + "-" + ConsoleIT.token();
        asAdmin().body(Map.of("username", name, "password", password, "roles", List.of("agent")))
                .post("/api/users").then().statusCode(201);
        return name;
    }

    static RequestSpecification from(String address) {
        return anonymous().header("X-Forwarded-For", address);
    }

    static Response basic(String address, String user, String password) {
        return from(address).auth().preemptive().basic(user, password).get("/api/me");
    }

    static Response console(String address, String user, String password) {
        return from(address).body(Map.of("username", user, "password", password)).post("/api/session");
    }

    /**
     * Fails {@code times} times, waiting out each back-off (429 with Retry-After) as a patient
     * client would; returns how many back-offs it met.
     */
    static int failPatiently(int times, Function<Integer, Response> attempt) throws InterruptedException {
        int backOffs = 0;
        for (int failures = 0; failures < times; ) {
            Response r = attempt.apply(failures);
            if (r.statusCode() == 429) {
                r.then().contentType("application/problem+json")
                        .body("type", equalTo("https://beacon.dev/problems/sign-in-throttled"))
                        .body("status", equalTo(429));
                long seconds = Long.parseLong(r.header("Retry-After"));
                assertThat(seconds).isBetween(1L, 60L);
                backOffs++;
                Thread.sleep(seconds * 1000);
                continue;
            }
            r.then().statusCode(401).contentType("application/problem+json")
                    .body("type", equalTo("https://beacon.dev/problems/unauthorized"));
            failures++;
        }
        return backOffs;
    }

    @Test
    void tenWrongPasswordsLockTheAccountEvenForTheRightOneUntilAnAdminUnlocksIt() throws Exception {
        String user = newUser("locked", "right-password-1");
        String address = newAddress();
        double locks = Metrics.value("beacon_signin_locks_total");
        double failures = Metrics.value("beacon_signin_failures_total", "via=\"password\"");

        int backOffs = failPatiently(10, i -> basic(address, user, "wrong-password-" + i));
        assertThat(backOffs).as("the failures after the third waited").isGreaterThan(0);

        Response locked = basic(newAddress(), user, "right-password-1");
        locked.then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://beacon.dev/problems/sign-in-locked"))
                .body("status", equalTo(401))
                .body("detail", not(containsString(user)))
                .header("WWW-Authenticate", containsString("Basic"));
        console(newAddress(), user, "right-password-1").then().statusCode(401)
                .body("type", equalTo("https://beacon.dev/problems/sign-in-locked"));
        assertThat(Metrics.value("beacon_signin_locks_total")).isEqualTo(locks + 1);
        assertThat(Metrics.value("beacon_signin_failures_total", "via=\"password\"")).isGreaterThanOrEqualTo(failures + 10);
        assertThat(Metrics.value("beacon_signin_locked_accounts")).isGreaterThanOrEqualTo(1);

        // A name nobody has gets the very same answers: the lock tells nothing about who exists.
        String ghost = "ghost-" + ConsoleIT.token();
        String ghostAddress = newAddress();
        failPatiently(10, i -> basic(ghostAddress, ghost, "wrong-password-" + i));
        Response ghostLocked = basic(newAddress(), ghost, "any-password-1");
        ghostLocked.then().statusCode(401);
        assertThat(ghostLocked.jsonPath().getString("type")).isEqualTo(locked.jsonPath().getString("type"));
        assertThat(ghostLocked.jsonPath().getString("detail")).isEqualTo(locked.jsonPath().getString("detail"));

        asDemo("agent").post("/api/users/" + user + "/unlock").then().statusCode(403);
        asAdmin().post("/api/users/" + user + "/unlock").then().statusCode(204);
        basic(newAddress(), user, "right-password-1").then().statusCode(200).body("user.username", equalTo(user));
    }

    @Test
    void unknownNamesAndRealOnesTakeAboutAsLongToRefuse() {
        String user = newUser("timing", "right-password-1");
        List<Long> real = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String address = newAddress();
            long realNanos = timed(() -> basic(address, user, "wrong-password-1").then().statusCode(401));
            long unknownNanos = timed(() -> basic(address, "nobody-" + ConsoleIT.token(), "wrong-password-1")
                    .then().statusCode(401));
            basic(address, user, "right-password-1").then().statusCode(200); // no back-off builds up
            if (i > 0) { // the first round warms up
                real.add(realNanos);
                unknown.add(unknownNanos);
            }
        }
        long realMedian = median(real);
        long unknownMedian = median(unknown);
        assertThat((double) Math.max(realMedian, unknownMedian) / Math.min(realMedian, unknownMedian))
                .as("real %s ms, unknown %s ms", realMedian / 1_000_000, unknownMedian / 1_000_000)
                .isLessThan(3.0);
    }

    @Test
    void theConsoleSignInBacksOffWithRetryAfterAndLocksLikeBasic() throws Exception {
        String user = newUser("console", "right-password-1");
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            console(address, user, "wrong-password-" + i).then().statusCode(401);
        }
        Response backOff = console(address, user, "right-password-1");
        backOff.then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://beacon.dev/problems/sign-in-throttled"));
        Thread.sleep(Long.parseLong(backOff.header("Retry-After")) * 1000);
        console(address, user, "right-password-1").then().statusCode(200);

        failPatiently(10, i -> console(address, user, "wrong-password-" + i));
        console(newAddress(), user, "right-password-1").then().statusCode(401)
                .body("type", equalTo("https://beacon.dev/problems/sign-in-locked"));
        asAdmin().post("/api/users/" + user + "/unlock").then().statusCode(204);
        console(newAddress(), user, "right-password-1").then().statusCode(200);
    }

    @Test
    void badBearerTokensHoldBackTheirAddressButNoOtherClient() throws Exception {
        String user = newUser("tokens", "right-password-1");
        String token = asAdmin().body(Map.of("name", "throttle")).post("/api/users/" + user + "/tokens")
                .then().statusCode(201).extract().path("token");
        String address = newAddress();
        double tokenFailures = Metrics.value("beacon_signin_failures_total", "via=\"token\"");
        for (int i = 0; i < 50; i++) {
            from(address).header("Authorization", "Bearer bct_guess-" + i).get("/api/me").then().statusCode(401);
        }
        Response held = from(address).header("Authorization", "Bearer " + token).get("/api/me");
        held.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("https://beacon.dev/problems/sign-in-throttled"));
        from(newAddress()).header("Authorization", "Bearer " + token).get("/api/me")
                .then().statusCode(200).body("user.username", equalTo(user));
        assertThat(Metrics.value("beacon_signin_failures_total", "via=\"token\"")).isGreaterThanOrEqualTo(tokenFailures + 50);

        Thread.sleep(Long.parseLong(held.header("Retry-After")) * 1000);
        from(address).header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(200);
    }

    private static long timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
