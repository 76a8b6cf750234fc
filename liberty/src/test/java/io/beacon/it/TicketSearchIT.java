package io.beacon.it;

import static io.beacon.it.support.Api.asAdmin;
import static io.beacon.it.support.Api.asDemo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.beacon.it.support.BeaconServerExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Ticket search through the index (issue 18): Korean substrings, English words, keys, comments, requesters. */
@ExtendWith(BeaconServerExtension.class)
class TicketSearchIT {

    /** A word nobody else writes: four random Hangul syllables. */
    private static String word() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            b.append((char) (0xAC00 + ThreadLocalRandom.current().nextInt(11172)));
        }
        return b.toString();
    }

    private static String open(String user, String title, String description) {
        // Only the desk sets impact and urgency.
        Map<String, Object> body = "requester".equals(user)
                ? Map.of("type", "incident", "title", title, "description", description)
                : Map.of("type", "incident", "title", title, "description", description, "impact", "low", "urgency", "low");
        return asDemo(user).body(body).post("/api/tickets").then().statusCode(201).extract().path("key");
    }

    @Test
    void aKoreanSubstringAnEnglishWordAndAKeyFindTheTicketRankedWithHighlights() {
        String w = word();
        String key = open("agent", "메일서버장애 " + w, "SMTP relay failures since the upgrade");
        // Inside the compound, not at a word's start: 서버장 in 메일서버장애.
        asDemo("agent").queryParam("q", "서버장 " + w).get("/api/tickets").then().statusCode(200)
                .body("items.key", hasItem(key))
                .body("items[0].key", equalTo(key))
                .body("items[0].highlights.title[0]", containsString("<mark>"))
                .body("items[0].highlights.title[0]", containsString("서버"));
        asDemo("agent").queryParam("q", "서버장").queryParam("size", "1000").get("/api/tickets").then().statusCode(200)
                .body("items.key", hasItem(key));
        // English words, stemmed: "failure" finds "failures".
        asDemo("agent").queryParam("q", "failure " + w).get("/api/tickets").then().statusCode(200)
                .body("items.key", hasItem(key));
        // The key itself, first.
        asDemo("agent").queryParam("q", key).get("/api/tickets").then().statusCode(200)
                .body("items[0].key", equalTo(key));
        // A word that is nowhere finds nothing (not everything).
        asDemo("agent").queryParam("q", word() + word()).get("/api/tickets").then().statusCode(200)
                .body("items", empty()).body("total", equalTo(0));
    }

    @Test
    void aRequesterFindsOnlyTheirOwnTicketsAndNeverInternalNotes() {
        String w = word();
        String mine = open("requester", "노트북 화면 깜빡임 " + w, "화면이 계속 깜빡입니다");
        String others = open("agent", "노트북 배터리 교체 " + w, "배터리 수명 저하");
        asDemo("requester").queryParam("q", w).get("/api/tickets").then().statusCode(200)
                .body("items.key", hasItem(mine))
                .body("items.key", not(hasItem(others)))
                .body("items.requester.username", everyItem(equalTo("requester")))
                .body("total", equalTo(1));
        asDemo("agent").queryParam("q", w).get("/api/tickets").then().statusCode(200)
                .body("items.key", hasItem(mine)).body("items.key", hasItem(others));

        String publicWord = word();
        String internalWord = word();
        asDemo("agent").body(Map.of("body", "원격 지원 완료 " + publicWord)).post("/api/tickets/" + mine + "/comments")
                .then().statusCode(201);
        asDemo("agent").body(Map.of("body", "내부 메모: 디스플레이 케이블 불량 " + internalWord, "internal", true))
                .post("/api/tickets/" + mine + "/comments").then().statusCode(201);
        // Comments are searched as soon as they are written.
        asDemo("requester").queryParam("q", publicWord).get("/api/tickets").then().statusCode(200)
                .body("items.key", hasItem(mine))
                .body("items[0].highlights.comments[0]", containsString("<mark>"));
        asDemo("agent").queryParam("q", internalWord).get("/api/tickets").then().statusCode(200)
                .body("items.key", hasItem(mine));
        asDemo("requester").queryParam("q", internalWord).get("/api/tickets").then().statusCode(200)
                .body("items", empty());
    }

    @Test
    void anAdministratorRebuildsTheIndexFromTheDatabase() throws InterruptedException {
        String w = word();
        String key = open("agent", "백업 작업 실패 " + w, "야간 백업이 실패했습니다");
        asDemo("agent").post("/api/search/index/rebuild").then().statusCode(403);
        asAdmin().post("/api/search/index/rebuild").then().statusCode(202);
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Boolean.TRUE.equals(asAdmin().get("/api/search/index").then().statusCode(200).extract().path("rebuilding"))) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("the rebuild did not finish within 60 s");
            }
            Thread.sleep(200);
        }
        asAdmin().get("/api/search/index").then().statusCode(200).body("lastRebuild", containsString(" ms"));
        asDemo("agent").queryParam("q", "작업실패 " + w).get("/api/tickets").then().statusCode(200)
                .body("items", empty());
        asDemo("agent").queryParam("q", "업 작업 " + w).get("/api/tickets").then().statusCode(200)
                .body("items.key", hasItem(key));
    }
}
