package io.beacon.it;

import static io.beacon.it.support.Api.asAdmin;
import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.Browser;
import io.beacon.it.support.BrowserExtension;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * A change through the console from start to end, in Korean and Seoul time: the agent raises it with the
 * new-change form (the conflict check names the approved change already planned on the CI), an approver
 * decides it on the approval card ("1 of 2"), and the agent implements, reviews and closes it with notes.
 */
@ExtendWith({BeaconServerExtension.class, BrowserExtension.class})
class ChangeConsoleIT {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    /** How the console shows a time to a Korean user in Seoul, in its pages and in its date-time fields. */
    private static final DateTimeFormatter KOREAN_SHOWN = DateTimeFormatter.ofPattern("yyyy. MM. dd. HH:mm").withZone(SEOUL);

    private Browser browser;

    @BeforeEach
    void useBrowser(Browser browser) {
        this.browser = browser;
        browser.consoleEntries();
        ConsoleIT.koreanInSeoul("agent", "approver");
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(browser.consoleErrors()).as("browser console").isEmpty();
    }

    /**
     * Types a time into a date-time field as a Korean user in Seoul does, in the format the console shows
     * them ("2027. 10. 03. 22:00"), and leaves the field (the picker takes typed text when it loses focus).
     */
    private void pick(String id, Instant at) {
        var field = browser.find(By.id(id));
        field.click();
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), KOREAN_SHOWN.format(at));
        field.sendKeys(Keys.TAB);
        browser.find(By.tagName("h1")).click(); // a click outside closes the calendar
        browser.waitUntil(d -> KOREAN_SHOWN.format(at).equals(browser.find(By.id(id)).getDomProperty("value")),
                "the field showing " + KOREAN_SHOWN.format(at));
    }

    @Test
    void anAgentRaisesAChangeWithTheFormAnApproverDecidesItOnTheCardAndTheAgentClosesIt() throws Exception {
        String token = ConsoleIT.token();
        String ciName = "mail-" + token;
        long ci = ((Number) asAdmin().body(Map.of("name", ciName, "type", "server")).post("/api/cis")
                .then().statusCode(201).extract().path("id")).longValue();
        Instant start = Instant.now().plus(300, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String planned = asDemo("agent2").body(Map.of("type", "standard", "title", "인증서 교체 " + token, "risk", "low",
                        "ciIds", List.of(ci), "plannedStart", start.toString(),
                        "plannedEnd", start.plus(2, ChronoUnit.HOURS).toString()))
                .post("/api/changes").then().statusCode(201).extract().path("key");

        // the form: a window overlapping the planned change on the same CI; the conflict check says so
        browser.signInDemo("agent");
        browser.open("#/changes");
        browser.click(By.id("change-new"));
        browser.waitFor(By.id("new-change"));
        new Select(browser.find(By.id("chg-type"))).selectByValue("normal");
        new Select(browser.find(By.id("chg-risk"))).selectByValue("high");
        pick("chg-start", start.plus(1, ChronoUnit.HOURS));
        pick("chg-end", start.plus(3, ChronoUnit.HOURS));
        browser.click(By.id("chg-start"));
        browser.waitFor(By.cssSelector(".flatpickr-calendar.open"));
        assertThat(browser.find(By.cssSelector(".flatpickr-calendar.open .flatpickr-weekdays")).getText())
                .as("the calendar's weekdays, in Korean").contains("일", "월", "토");
        shot("change-picker");
        browser.find(By.tagName("h1")).click();
        browser.find(By.id("chg-ci")).sendKeys(ciName);
        browser.click(By.cssSelector("#chg-ci-results button[data-ci-name='" + ciName + "']"));
        browser.waitUntil(d -> !browser.findAll(By.id("chg-conflict-list")).isEmpty(), "the conflict hint");
        assertThat(browser.find(By.id("chg-conflicts")).getText()).contains("충돌 1건", planned, ciName);
        String title = "메일 서버 OS 패치 " + token;
        browser.find(By.id("chg-title")).sendKeys(title);
        browser.find(By.id("chg-plan")).sendKeys("스냅샷 생성, 패치 적용, 재부팅");
        browser.find(By.id("chg-backout")).sendKeys("스냅샷으로 복원");
        browser.find(By.id("chg-test")).sendKeys("메일 송수신 확인");
        shot("change-new");

        // a window in the past: refused beside the field that caused it
        pick("chg-start", Instant.now().minus(3, ChronoUnit.HOURS));
        pick("chg-end", Instant.now().minus(2, ChronoUnit.HOURS));
        browser.click(By.id("chg-submit"));
        browser.waitUntil(d -> browser.find(By.id("chg-end")).getDomAttribute("class").contains("is-invalid"),
                "the end marked invalid");
        assertThat(browser.find(By.id("chg-end-feedback")).getText()).contains("in the past");
        assertThat(browser.consoleErrors()).as("only the refused request").allMatch(e -> e.contains("422"));

        pick("chg-start", start.plus(1, ChronoUnit.HOURS));
        pick("chg-end", start.plus(3, ChronoUnit.HOURS));
        browser.find(By.id("chg-title")).sendKeys(Keys.ENTER); // submits the form again
        browser.waitUntil(d -> d.getCurrentUrl().matches(".*#/changes/CHG-\\d+$"), "the new change's page");
        String key = browser.driver().getCurrentUrl().replaceAll(".*#/changes/", "");
        browser.waitUntil(d -> browser.find(By.tagName("h1")).getText().contains(title), "the change's title");
        assertThat(browser.find(By.id("change-status")).getText()).isEqualTo("승인 대기");

        // one CAB member decided already: the approver's card says 1 of 2, with who and when
        List<Map<String, Object>> adminTasks = asAdmin().get("/api/tasks").then().extract().path("items");
        String adminTask = adminTasks.stream().filter(t -> key.equals(t.get("changeKey"))).map(t -> (String) t.get("id"))
                .findFirst().orElseThrow();
        asAdmin().body(Map.of("approved", true, "comment", "계획 확인")).post("/api/tasks/" + adminTask + "/complete")
                .then().statusCode(200);

        browser.signInDemo("approver");
        browser.click(By.id("nav-approvals"));
        By card = By.cssSelector("section.approval-card[data-change-key='" + key + "']");
        String text = browser.waitFor(card).getText();
        assertThat(text).contains(title, "일반", "높음", ciName, "승인 2건 중 1건", "admin", "계획 확인",
                "스냅샷으로 복원", "충돌");
        assertThat(browser.find(card).findElement(By.cssSelector(".card-window")).getText())
                .contains(KOREAN_SHOWN.format(start.plus(1, ChronoUnit.HOURS)));

        // the same card on the change's page, where the approver decides
        browser.open("#/changes/" + key);
        assertThat(browser.waitFor(card).getText()).contains("승인 2건 중 1건", "admin", "계획 확인", ciName);
        shot("change-approval");
        String taskId = browser.find(card).getDomAttribute("data-task-id");
        browser.find(By.id("task-comment-" + taskId)).sendKeys("백업 확인, 승인합니다");
        browser.click(By.cssSelector("section.approval-card[data-change-key='" + key + "'] button[data-action=approve]"));
        browser.waitUntil(d -> browser.find(By.id("change-status")).getText().equals("일정 확정"), "the change scheduled");
        assertThat(browser.findAll(card)).as("nothing left to decide").isEmpty();
        assertThat(browser.find(By.id("change-approvals")).getText()).contains("admin", "approver", "백업 확인, 승인합니다");
        assertThat(asDemo("agent").get("/api/changes/" + key).then().extract().<String>path("status")).isEqualTo("scheduled");

        // the agent implements, hands over for review and closes it, each with a note
        browser.signInDemo("agent");
        browser.open("#/changes/" + key);
        step("implementing", "스냅샷 생성 완료, 패치 시작", null, "구현 중");
        step("review", "패치 적용, 재부팅 완료", null, "검토");
        step("closed", "메일 송수신 정상", "successful", "종료");
        assertThat(browser.find(By.id("change-outcome")).getText()).isEqualTo("성공");
        assertThat(browser.find(By.id("change-notes")).getText())
                .contains("스냅샷 생성 완료, 패치 시작", "패치 적용, 재부팅 완료", "메일 송수신 정상");
        shot("change-closed");
        asDemo("agent").get("/api/changes/" + key + "/process").then().statusCode(200)
                .body("ended", org.hamcrest.Matchers.equalTo(true))
                .body("history.activityId", org.hamcrest.Matchers.hasItem("closed"));
    }

    /** A picture of the page from its top (without smooth scrolling, which the picture would catch halfway). */
    private void shot(String name) throws java.io.IOException {
        browser.script("document.documentElement.style.scrollBehavior = 'auto'; window.scrollTo(0, 0);");
        browser.screenshot(name);
    }

    private void step(String target, String note, String outcome, String statusLabel) {
        browser.waitUntil(d -> !browser.findAll(By.cssSelector("#step-submit[data-target='" + target + "']")).isEmpty(),
                "the step to " + target);
        if (outcome != null) {
            new Select(browser.find(By.id("step-outcome"))).selectByValue(outcome);
        }
        browser.find(By.id("step-note")).sendKeys(note);
        browser.click(By.id("step-submit"));
        browser.waitUntil(d -> browser.find(By.id("change-status")).getText().equals(statusLabel), "status " + statusLabel);
    }
}
