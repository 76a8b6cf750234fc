package io.beacon.it;

import static io.beacon.it.support.Api.asAdmin;
import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.Browser;
import io.beacon.it.support.BrowserExtension;
import io.beacon.it.support.Poll;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * A day's work in the console, in Korean: the due column, a bulk assignment with one ticket refused,
 * the keyboard shortcuts, the ticket's action bar with an error beside its field, and an alarm's
 * incident arriving in its CI owner group's queue.
 */
@ExtendWith({BeaconServerExtension.class, BrowserExtension.class})
class ConsoleQueueIT {
    private Browser browser;

    @BeforeEach
    void useBrowser(Browser browser) {
        this.browser = browser;
        browser.consoleEntries();
        ConsoleIT.koreanInSeoul("agent", "agent2");
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(browser.consoleErrors()).as("browser console").isEmpty();
    }

    private void signedInAs(String user) {
        if (browser.findAll(By.id("signout")).isEmpty() || !user.equals(browser.sessionUser())) {
            browser.signInDemo(user);
        }
    }

    private static String open(String title, String priority) {
        return asDemo("agent").body(Map.of("type", "incident", "title", title, "priority", priority))
                .post("/api/tickets").then().statusCode(201).extract().path("key");
    }

    private List<String> rowKeys() {
        return browser.findAll(By.cssSelector("#ticket-list tr[data-key]")).stream().map(r -> r.getDomAttribute("data-key")).toList();
    }

    private void keys(CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    @Test
    void anAgentSortsByDueAndAssignsSeveralTicketsAtOnceSeeingTheOneRefused() throws Exception {
        String tag = "큐-" + UUID.randomUUID().toString().substring(0, 8);
        // The test server gives P4 a 3 s response target: overdue at once.
        String p4 = open(tag + " 모니터 깜빡임", "P4");
        String p3 = open(tag + " 프린터 용지 걸림", "P3");
        String p1 = open(tag + " 결제 서버 응답 없음", "P1");
        String closed = open(tag + " 종료된 요청", "P2");
        asDemo("agent").body(Map.of("status", "resolved", "resolution", "완료")).patch("/api/tickets/" + closed).then().statusCode(200);
        asDemo("agent").body(Map.of("status", "closed")).patch("/api/tickets/" + closed).then().statusCode(200);

        // Until its 3 s response target has passed (a fast machine gets here sooner).
        Poll.until(() -> asDemo("agent").get("/api/tickets/" + p4).then().extract().jsonPath(),
                j -> Boolean.TRUE.equals(j.get("sla.breached")), java.time.Duration.ofSeconds(20), p4 + " overdue");
        signedInAs("agent");
        browser.open("#/tickets?queue=all&sort=due&q=" + tag);
        browser.waitUntil(d -> rowKeys().size() == 4, "four tickets");
        assertThat(rowKeys()).containsExactly(p4, p1, p3, closed);
        WebElement overdue = browser.find(By.cssSelector("#ticket-list tr[data-key='" + p4 + "'] td.due-cell span"));
        assertThat(overdue.getText()).startsWith("응답 · ").contains("초과");
        assertThat(overdue.getDomAttribute("class")).contains("text-danger");
        WebElement due = browser.find(By.cssSelector("#ticket-list tr[data-key='" + p1 + "'] td.due-cell"));
        assertThat(due.getText()).startsWith("응답 · ").contains("남음");
        assertThat(browser.find(By.cssSelector("#ticket-list tr[data-key='" + closed + "'] td.due-cell")).getText())
                .isEqualTo("SLA 충족");
        browser.screenshot("queue-due");

        browser.click(By.id("select-all"));
        browser.waitFor(By.id("bulk-count"));
        assertThat(browser.find(By.id("bulk-count")).getText()).isEqualTo("4건 선택됨");
        new Select(browser.find(By.id("bulk-assignee"))).selectByValue("agent");
        new Select(browser.find(By.id("bulk-status"))).selectByValue("in_progress");
        browser.click(By.id("bulk-apply"));
        WebElement refused = browser.waitFor(By.id("bulk-refused"));
        assertThat(refused.getText()).contains("1건은 변경되지 않았습니다", closed);
        assertThat(browser.findAll(By.cssSelector("#bulk-refused li")).stream().map(li -> li.getDomAttribute("data-key")))
                .containsExactly(closed);
        browser.waitUntil(d -> browser.find(By.cssSelector("#ticket-list tr[data-key='" + p1 + "']")).getText().contains("김민수"),
                "the assignee in the list");
        browser.screenshot("queue-bulk");

        for (String key : List.of(p4, p1, p3)) {
            asDemo("agent").get("/api/tickets/" + key).then().statusCode(200)
                    .body("assignee.username", org.hamcrest.Matchers.equalTo("agent"))
                    .body("status", org.hamcrest.Matchers.equalTo("in_progress"));
        }
        asDemo("agent").get("/api/tickets/" + closed).then().body("assignee", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aQueueSavedAsAViewSharedWithTheGroupOpensTheSameListForAColleague() {
        String tag = "뷰-" + UUID.randomUUID().toString().substring(0, 8);
        String p1 = open(tag + " 급한 건", "P1");
        String p3 = open(tag + " 보통 건", "P3");
        String name = "오늘 기한 " + tag;
        signedInAs("agent");
        browser.open("#/tickets?queue=all&sort=due&q=" + tag);
        browser.waitUntil(d -> rowKeys().equals(List.of(p1, p3)), "the list by due time");
        browser.click(By.id("save-view"));
        browser.waitFor(By.id("save-view-name")).sendKeys(name);
        new Select(browser.find(By.id("save-view-group"))).selectByValue("Service Desk");
        browser.click(By.id("save-view-submit"));
        browser.waitUntil(d -> browser.find(By.id("saved-views")).getText().contains(name), "the view in the sidebar");
        assertThat(browser.find(By.id("saved-views")).getText()).contains("Service Desk 그룹과 공유");

        signedInAs("agent2");
        browser.open("#/tickets");
        browser.waitUntil(d -> browser.find(By.id("saved-views")).getText().contains(name), "the shared view for agent2");
        WebElement shared = browser.findAll(By.cssSelector("#saved-views [data-view]")).stream()
                .filter(v -> v.getText().contains(name)).findFirst().orElseThrow();
        assertThat(shared.findElements(By.tagName("button"))).as("only its owner deletes it").isEmpty();
        shared.findElement(By.tagName("a")).click();
        browser.waitUntil(d -> rowKeys().equals(List.of(p1, p3)), "the same list, sorted by due time");
        assertThat(browser.find(By.id("filter-q")).getDomProperty("value")).isEqualTo(tag);
    }

    @Test
    void theKeyboardMovesThroughTheQueueOpensATicketAndShowsItsShortcuts() {
        String tag = "키-" + UUID.randomUUID().toString().substring(0, 8);
        String first = open(tag + " 첫째", "P1");
        String second = open(tag + " 둘째", "P2");
        signedInAs("agent");
        browser.open("#/tickets?queue=all&sort=due&q=" + tag);
        browser.waitUntil(d -> rowKeys().equals(List.of(first, second)), "two tickets by due time");
        browser.script("document.activeElement && document.activeElement.blur();");

        keys("?");
        WebElement help = browser.waitFor(By.id("shortcuts"));
        assertThat(help.getText()).contains("단축키", "다음 티켓", "나에게 배정");
        keys(Keys.ESCAPE);
        browser.waitUntil(d -> !browser.find(By.id("shortcuts")).isDisplayed(), "the shortcuts closed");

        keys("j");
        browser.waitUntil(d -> cursorKey().equals(first), "the first row marked");
        keys("j");
        browser.waitUntil(d -> cursorKey().equals(second), "the second row marked");
        keys("k");
        browser.waitUntil(d -> cursorKey().equals(first), "back on the first row");
        keys("a");
        browser.waitUntil(d -> "agent".equals(asDemo("agent").get("/api/tickets/" + first).then().extract().path("assignee.username")),
                "assigned to me with a");
        // The first response moved its due time: the list re-sorted, the mark stays on the row's place.
        browser.waitUntil(d -> !cursorKey().isEmpty(), "a row marked after the reload");
        String marked = cursorKey();
        keys(Keys.ENTER);
        assertThat(browser.waitFor(By.id("ticket-key")).getText()).isEqualTo(marked);
        keys("r");
        browser.waitUntil(d -> "comment-body".equals(browser.script("return document.activeElement.id;")), "the reply box focused");

        browser.open("#/tickets?queue=all&q=" + tag);
        browser.waitUntil(d -> rowKeys().size() == 2, "the queue again");
        browser.script("document.activeElement && document.activeElement.blur();");
        keys("/");
        browser.waitUntil(d -> "filter-q".equals(browser.script("return document.activeElement.id;")), "search focused");
    }

    /** Read in one step in the page: the list may render again (a live update) between finding a row and reading it. */
    private String cursorKey() {
        Object key = browser.script("const r = document.querySelector('#ticket-list tr.row-cursor');"
                + " return r ? (r.getAttribute('data-key') || '') : '';");
        return key == null ? "" : key.toString();
    }

    @Test
    void theTicketsActionBarSavesTogetherAndShowsAnErrorBesideItsField() throws Exception {
        String key = open("액션 바 " + UUID.randomUUID().toString().substring(0, 8), "P3");
        signedInAs("agent");
        browser.open("#/tickets/" + key);
        browser.waitFor(By.id("action-bar"));
        assertThat(browser.find(By.id("ticket-sla")).getText()).startsWith("응답: ").endsWith("남음");

        // A user the server refuses as assignee (a requester): its message appears beside the assignee field.
        browser.script("var s = document.getElementById('field-assignee'); var o = document.createElement('option');"
                + " o.value = 'requester'; o.textContent = 'requester'; s.append(o); s.value = 'requester';");
        new Select(browser.find(By.id("field-priority"))).selectByValue("P2");
        browser.click(By.id("apply-actions"));
        WebElement feedback = browser.waitFor(By.id("field-assignee-feedback"));
        String problem = asDemo("agent").body(Map.of("assignee", "requester")).patch("/api/tickets/" + key)
                .then().statusCode(422).extract().path("errors[0].message");
        assertThat(feedback.getText()).isEqualTo(problem);
        assertThat(browser.find(By.id("field-assignee")).getDomAttribute("class")).contains("is-invalid");
        browser.screenshot("ticket-action-bar");
        assertThat(browser.consoleErrors()).allMatch(e -> e.contains("/api/tickets/" + key) && e.contains("422"));

        // Fixed, then assignee, status and priority saved with one Save.
        new Select(browser.find(By.id("field-assignee"))).selectByValue("agent2");
        assertThat(browser.find(By.id("field-assignee-feedback")).getText()).isEmpty();
        new Select(browser.find(By.id("field-status"))).selectByValue("in_progress");
        browser.click(By.id("apply-actions"));
        browser.waitUntil(d -> browser.find(By.id("ticket-status")).getText().equals("처리 중"), "saved together");
        asDemo("agent").get("/api/tickets/" + key).then().body("assignee.username", org.hamcrest.Matchers.equalTo("agent2"))
                .body("priority", org.hamcrest.Matchers.equalTo("P2")).body("status", org.hamcrest.Matchers.equalTo("in_progress"));

        // Resolved: the badge gives the verdict, no countdown.
        new Select(browser.find(By.id("field-status"))).selectByValue("resolved");
        browser.find(By.id("field-resolution")).sendKeys("드라이버 재설치");
        browser.click(By.id("apply-actions"));
        browser.waitUntil(d -> browser.find(By.id("ticket-sla")).getText().equals("SLA 내 해결"), "the SLA verdict");

        // The new-ticket form: "A title is required." goes once a title is typed.
        browser.open("#/new");
        browser.waitFor(By.id("new-title"));
        browser.click(By.id("new-submit"));
        assertThat(browser.waitFor(By.id("new-title-feedback")).getText()).isNotEmpty();
        browser.find(By.id("new-title")).sendKeys("제");
        assertThat(browser.find(By.id("new-title-feedback")).getText()).isEmpty();
        browser.consoleEntries();
    }

    @Test
    void anAlarmsIncidentArrivesInItsCiOwnerGroupsQueue() {
        String ci = "ui-route-sw-" + UUID.randomUUID().toString().substring(0, 8);
        asAdmin().body(Map.of("name", ci, "type", "switch", "ownerGroup", "Network Operations")).post("/api/cis")
                .then().statusCode(201);
        signedInAs("agent2");
        browser.open("#/tickets?queue=my-groups");
        browser.waitFor(By.id("queue-title"));
        asDemo("monitor").body(Map.of("ci", ci, "severity", "critical", "name", "LinkDown", "message", "uplink down",
                "key", ci + "/link")).post("/api/events").then().statusCode(200);
        String incident = Poll.until(() -> EventWebhookIT.alarmByKey("api:" + ci + "/link"),
                j -> j != null && j.getString("incidentKey") != null, Duration.ofSeconds(30), "incident").getString("incidentKey");
        browser.waitUntil(d -> rowKeys().contains(incident), "the incident in my groups' queue without a reload");
        assertThat(browser.find(By.cssSelector("#ticket-list tr[data-key='" + incident + "']")).getText())
                .contains("Network Operations");
        browser.click(By.cssSelector("#ticket-list tr[data-key='" + incident + "'] a"));
        assertThat(browser.waitFor(By.id("ticket-requester")).getText()).contains("Monitoring API");
        assertThat(browser.find(By.id("ticket-group")).getText()).isEqualTo("Network Operations");
    }
}
