package io.beacon.it;

import static io.beacon.it.support.Api.asAdmin;
import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.it.support.BeaconServer;
import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.Browser;
import io.beacon.it.support.BrowserExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The console is role-aware: a requester never sees internal notes nor the desk's tools, only
 * approvers get the approval inbox, and views whose back end this server lacks show an empty
 * state instead of an error. Shares the one browser with {@link ConsoleIT}.
 */
@ExtendWith({BeaconServerExtension.class, BrowserExtension.class})
class ConsoleRolesIT {
    private Browser browser;

    @BeforeEach
    void useBrowser(Browser browser) {
        this.browser = browser;
        browser.consoleEntries();
        ConsoleIT.koreanInSeoul("agent", "agent2", "requester", "approver");
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(browser.consoleErrors()).as("browser console").isEmpty();
    }

    @Test
    void aRequesterSeesTheRepliesButNeverTheInternalNotes() throws Exception {
        String token = ConsoleIT.token();
        String key = ConsoleIT.openIncident("agent", "노트북 전원 불량 " + token);
        asDemo("agent").body(Map.of("body", "어댑터를 교체해 드리겠습니다 " + token)).post("/api/tickets/" + key + "/comments")
                .then().statusCode(201);
        asDemo("agent").body(Map.of("body", "재고 부족, 구매팀 문의 중 " + token, "internal", true))
                .post("/api/tickets/" + key + "/comments").then().statusCode(201);

        browser.signInDemo("requester");
        browser.waitFor(By.cssSelector("#ticket-list tr[data-key='" + key + "']"));
        assertThat(browser.find(By.id("queue-title")).getText()).isEqualTo("진행 중인 내 요청");
        assertThat(browser.findAll(By.id("nav-approvals"))).isEmpty();
        assertThat(browser.findAll(By.id("nav-alarms"))).isEmpty();
        assertThat(browser.findAll(By.id("nav-cmdb"))).isEmpty();

        browser.open("#/tickets/" + key);
        browser.waitUntil(d -> browser.findAll(By.cssSelector("#timeline li[data-kind=comment]")).size() == 1, "the public reply");
        assertThat(browser.find(By.id("timeline")).getText()).contains("어댑터를 교체해 드리겠습니다 " + token);
        assertThat(browser.findAll(By.cssSelector("#timeline li[data-kind=note]"))).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain("재고 부족, 구매팀 문의 중");
        assertThat(browser.findAll(By.id("comment-internal"))).as("no internal-note switch for a requester").isEmpty();
        assertThat(browser.findAll(By.id("assign-me"))).as("no desk actions for a requester").isEmpty();

        // The requester can still reply, and sees the reply in the timeline.
        browser.find(By.id("comment-body")).sendKeys("감사합니다 " + token);
        browser.click(By.id("comment-submit"));
        browser.waitUntil(d -> browser.findAll(By.cssSelector("#timeline li[data-kind=comment]")).size() == 2, "the requester's reply");
        browser.screenshot("requester-ticket");
    }

    @Test
    void onlyApproversGetTheApprovalInbox() {
        browser.signInDemo("agent");
        assertThat(browser.findAll(By.id("nav-approvals"))).isEmpty();

        browser.signInDemo("approver");
        browser.waitFor(By.id("nav-approvals")).click();
        browser.waitUntil(d -> !browser.findAll(By.cssSelector("#approval-list [data-testid=empty], #approval-list [data-task-id]")).isEmpty(),
                "the approval inbox");
        assertThat(browser.findAll(By.cssSelector("#approval-list [data-testid=error]"))).isEmpty();
    }

    @Test
    void anAdministratorImportsCisFromCsvAndSeesTheResultPerRow() throws Exception {
        String token = ConsoleIT.token();
        Path csv = Files.createTempFile("cis-", ".csv");
        Files.writeString(csv, "name,type,hostname,ipAddresses,depends_on\n"
                + "app-" + token + ",application,,,db-" + token + "\n"
                + "db-" + token + ",database,db-" + token + ".beacon.example,10.9.8.7,\n"
                + "bad-" + token + ",toaster,,,\n", StandardCharsets.UTF_8);
        browser.signIn("admin", BeaconServer.ADMIN_PASSWORD);
        browser.open("#/cmdb");
        browser.click(By.id("ci-import-link"));
        browser.waitFor(By.id("import-file")).sendKeys(csv.toString());
        browser.click(By.id("import-submit"));
        String result = browser.waitFor(By.cssSelector("#import-result [data-testid=import-result]")).getText();
        boolean english = "en".equals(asAdmin().get("/api/me").then().extract().path("user.locale"));
        assertThat(result).contains(english ? List.of("2 created", "1 relations created", "1 rejected", "line 4", "bad-" + token)
                : List.of("생성 2", "관계 생성 1", "거부 1", "4행", "bad-" + token));
        assertThat(result).contains("toaster");
        assertThat(browser.find(By.id("import-progress")).getDomAttribute("style")).contains("100%");
        assertThat(asDemo("agent").get("/api/cis?name=db-" + token).then().extract().jsonPath().getList("items.ipAddresses[0]"))
                .containsExactly("10.9.8.7");
        browser.screenshot("cmdb-import");
    }

    @Test
    void datesFollowTheTimeZoneChosenInTheSettings() {
        String key = ConsoleIT.openIncident("agent", "시간대 확인 " + ConsoleIT.token());
        Instant created = Instant.parse(asDemo("agent2").get("/api/tickets/" + key).then().extract().path("createdAt"));
        DateTimeFormatter shown = DateTimeFormatter.ofPattern("yyyy. MM. dd. HH:mm");
        try {
            browser.signInDemo("agent2");
            browser.open("#/tickets/" + key);
            browser.waitUntil(d -> browser.find(By.id("timeline")).getText()
                    .contains(shown.format(created.atZone(ZoneId.of("Asia/Seoul")))), "the time in Seoul, the default");

            browser.open("#/settings");
            new Select(browser.waitFor(By.id("settings-zone"))).selectByValue("America/New_York");
            browser.click(By.id("settings-save"));
            browser.waitUntil(d -> "America/New_York".equals(asDemo("agent2").get("/api/me").then().extract().path("user.timeZone")),
                    "the zone kept by the server");
            browser.open("#/tickets/" + key);
            browser.waitUntil(d -> browser.find(By.id("timeline")).getText()
                    .contains(shown.format(created.atZone(ZoneId.of("America/New_York")))), "the time in New York");
        } finally {
            asDemo("agent2").body(Map.of("timeZone", "Asia/Seoul")).patch("/api/me").then().statusCode(200);
        }
    }

    @Test
    void everyViewOpensWithoutAnErrorWhateverBackEndsThisServerHas() throws Exception {
        browser.signInDemo("agent");
        for (String page : List.of("#/alarms", "#/changes", "#/changes/calendar", "#/changes/new", "#/changes/templates",
                "#/cmdb", "#/dashboard", "#/settings")) {
            browser.open(page);
            browser.waitFor(By.id("main"));
            browser.waitUntil(d -> browser.findAll(By.cssSelector("#main .spinner-border")).isEmpty(), "the page " + page);
            assertThat(browser.findAll(By.cssSelector("#main [data-testid=error]"))).as("errors on " + page).isEmpty();
            assertThat(browser.consoleErrors()).as("console on " + page).isEmpty();
        }
        browser.open("#/alarms");
        browser.waitUntil(d -> browser.findAll(By.cssSelector("#main .spinner-border")).isEmpty(), "alarms");
        browser.screenshot("alarms");
    }
}
