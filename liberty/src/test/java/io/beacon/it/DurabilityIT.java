package io.beacon.it;

import static io.beacon.it.support.Api.as;
import static io.beacon.it.support.Api.asAdmin;
import static org.hamcrest.Matchers.equalTo;

import io.beacon.it.support.BeaconServer;
import io.beacon.it.support.BeaconServerExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What was acknowledged stays: across a clean restart and across a kill -9. */
@ExtendWith(BeaconServerExtension.class)
class DurabilityIT {

    @Test
    void dataSurvivesACleanRestart(BeaconServer server) throws Exception {
        asAdmin().body(Map.of("username", "survivor", "password", "survivor-pass-1", "displayName", "생존자",
                "roles", List.of("agent"))).post("/api/users").then().statusCode(201);
        server.stop();
        server.start();
        as("survivor", "survivor-pass-1").get("/api/me").then().statusCode(200)
                .body("user.displayName", equalTo("생존자"));
    }

    @Test
    void dataSurvivesAKillMinus9(BeaconServer server) throws Exception {
        asAdmin().body(Map.of("username", "crashproof", "password", "crashproof-pass-1", "displayName", "충돌",
                "roles", List.of("agent"))).post("/api/users").then().statusCode(201);
        String key = asAdmin().body(Map.of("type", "incident", "title", "전원 장애 후에도 남아야 할 티켓"))
                .post("/api/tickets").then().statusCode(201).extract().path("key");
        asAdmin().body(Map.of("body", "커밋된 댓글")).post("/api/tickets/" + key + "/comments").then().statusCode(201);
        // Commits that race each other right before the crash: each one acknowledged must be there after it.
        List<String> raced = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<java.util.concurrent.Future<?>> writers = new java.util.ArrayList<>();
        for (int t = 0; t < 6; t++) {
            int thread = t;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    raced.add(asAdmin().body(Map.of("type", "incident", "title", "경쟁 " + thread + "-" + i))
                            .post("/api/tickets").then().statusCode(201).extract().<String>path("key"));
                }
            }));
        }
        for (var w : writers) {
            w.get();
        }
        pool.shutdown();
        org.assertj.core.api.Assertions.assertThat(raced).hasSize(60);
        server.kill();
        server.start();
        as("crashproof", "crashproof-pass-1").get("/api/me").then().statusCode(200)
                .body("user.displayName", equalTo("충돌"));
        asAdmin().get("/api/tickets/" + key).then().statusCode(200)
                .body("title", equalTo("전원 장애 후에도 남아야 할 티켓"))
                .body("comments[0].body", equalTo("커밋된 댓글"));
        for (String k : raced) {
            asAdmin().get("/api/tickets/" + k).then().statusCode(200);
        }
        // The key series goes on after the crash: no number handed out twice, none skipped (on H2 too,
        // where ticket numbers come from an uncached sequence since V9_3).
        String next = asAdmin().body(Map.of("type", "incident", "title", "다음 티켓")).post("/api/tickets")
                .then().statusCode(201).extract().path("key");
        long before = java.util.stream.Stream.concat(raced.stream(), java.util.stream.Stream.of(key))
                .mapToLong(k -> Long.parseLong(k.substring(4))).max().orElseThrow();
        org.assertj.core.api.Assertions.assertThat(Long.parseLong(next.substring(4))).isEqualTo(before + 1);
    }
}
