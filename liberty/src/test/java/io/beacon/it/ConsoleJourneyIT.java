package io.beacon.it;

import static io.beacon.it.support.Api.asAdmin;
import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.it.support.BeaconServer;
import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.Browser;
import io.beacon.it.support.BrowserExtension;
import io.beacon.it.support.Poll;
import io.beacon.it.support.TrapSender;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Two journeys through the console from end to end, as the people who make them see them: an
 * agent watching the open incidents when a device sends a real SNMP trap, and an approver deciding
 * a change from the approval inbox. Shares the one browser with {@link ConsoleIT}.
 */
@ExtendWith({BeaconServerExtension.class, BrowserExtension.class})
class ConsoleJourneyIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static TrapSender sender;

    private Browser browser;

    @BeforeAll
    static void sender(BeaconServer server) throws IOException {
        sender = new TrapSender(server.trapPort());
    }

    @AfterAll
    static void close() throws IOException {
        sender.close();
    }

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

    @Test
    void aTrapFromADeviceBecomesAnIncidentInTheOpenQueueLiveAndTheAgentResolvesIt() throws Exception {
        // A device of our own, behind nothing, so that no alarm left elsewhere makes ours a symptom.
        String token = ConsoleIT.token();
        String name = "edge-" + token;
        Random random = new Random();
        String address = "10.91." + (1 + random.nextInt(250)) + "." + (1 + random.nextInt(250));
        long ci = ((Number) asAdmin().body(Map.of("name", name, "type", "router", "ipAddresses", List.of(address)))
                .post("/api/cis").then().statusCode(201).extract().path("id")).longValue();

        browser.signInDemo("agent");
        browser.open("#/tickets?queue=open-incidents&sort=-createdAt");
        browser.waitFor(By.cssSelector("#ticket-list table"));
        assertThat(browser.find(By.id("queue-title")).getText()).isEqualTo("미해결 장애");
        browser.script("window.beaconNotReloaded = true;");
        browser.waitUntil(d -> "on".equals(browser.find(By.id("live-state")).getDomAttribute("data-live")), "the live stream to connect");
        String countBefore = countBadge();

        // The device's interface 7 goes down: a real SNMPv2c trap over UDP, relayed for its address.
        sender.v2c("public", TrapSender.link(TrapSender.LINK_DOWN, 7, address, org.snmp4j.PDU.TRAP));
        String reductionKey = "linkDown:ci" + ci + ":7";
        String key = Poll.until(() -> alarmIncident(reductionKey), k -> k != null, WAIT, "the incident of " + reductionKey);

        browser.waitUntil(d -> rowKeys().contains(key), "the new incident in the open queue, live");
        assertThat(browser.script("return window.beaconNotReloaded === true;")).as("no reload").isEqualTo(true);
        assertThat(rowKeys().get(0)).as("newest first").isEqualTo(key);
        WebElement row = browser.find(By.cssSelector("#ticket-list tr[data-key='" + key + "']"));
        assertThat(row.getText()).contains("linkDown", name, "P2", "신규");
        assertThat(browser.find(By.id("toasts")).getText()).contains(key);
        browser.waitUntil(d -> !countBadge().equals(countBefore), "the open incidents counter to move");
        assertThat(Long.parseLong(countBadge())).isEqualTo(Long.parseLong(countBefore) + 1);

        browser.click(By.cssSelector("#ticket-list tr[data-key='" + key + "'] a"));
        assertThat(browser.waitFor(By.id("ticket-key")).getText()).isEqualTo(key);
        assertThat(browser.find(By.id("ticket-cis")).getText()).isEqualTo(name);
        assertThat(browser.find(By.id("ticket-status")).getText()).isEqualTo("신규");
        assertThat(browser.find(By.id("main")).getText()).contains("linkDown");

        browser.find(By.id("comment-body")).sendKeys("회선 업체에 확인 요청했습니다 " + token);
        browser.click(By.id("comment-submit"));
        browser.waitUntil(d -> timelineText("comment").contains("회선 업체에 확인 요청했습니다 " + token), "the comment in the timeline");

        new Select(browser.find(By.id("field-status"))).selectByValue("resolved");
        browser.find(By.id("field-resolution")).sendKeys("광모듈 교체 후 링크 복구 " + token);
        browser.click(By.id("apply-actions"));
        browser.waitUntil(d -> browser.find(By.id("ticket-status")).getText().equals("해결됨"), "the incident resolved");
        browser.screenshot("trap-incident");

        JsonPath ticket = asDemo("agent").get("/api/tickets/" + key).then().statusCode(200).extract().jsonPath();
        assertThat(ticket.getString("status")).isEqualTo("resolved");
        assertThat(ticket.getString("resolution")).isEqualTo("광모듈 교체 후 링크 복구 " + token);
        assertThat(ticket.getList("ciIds", Long.class)).containsExactly(ci);
        assertThat(ticket.getList("comments.body", String.class)).contains("회선 업체에 확인 요청했습니다 " + token);

        // Back on the queue, the resolved incident has left it, again without a reload.
        browser.open("#/tickets?queue=open-incidents&sort=-createdAt");
        browser.waitFor(By.cssSelector("#ticket-list table, #ticket-list [data-testid=empty]"));
        assertThat(rowKeys()).doesNotContain(key);
        sender.v2c("public", TrapSender.link(TrapSender.LINK_UP, 7, address, org.snmp4j.PDU.TRAP));
    }

    @Test
    void anApproverApprovesANormalChangeFromTheInboxAndTheChangeShowsIt() throws Exception {
        String token = ConsoleIT.token();
        long ci = ((Number) asAdmin().body(Map.of("name", "db-" + token, "type", "server")).post("/api/cis")
                .then().statusCode(201).extract().path("id")).longValue();
        Instant start = Instant.now().plus(200, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String title = "DB 서버 보안 패치 " + token;
        JsonPath created = asDemo("agent").body(Map.of("type", "normal", "title", title, "description", "월간 보안 패치",
                "risk", "low", "ciIds", List.of(ci), "plannedStart", start.toString(),
                "plannedEnd", start.plus(2, ChronoUnit.HOURS).toString(), "implementationPlan", "패치 적용 후 재기동",
                "backoutPlan", "스냅샷 복원")).post("/api/changes").then().statusCode(201).extract().jsonPath();
        String key = created.getString("key");
        assertThat(created.getString("status")).isEqualTo("approval");

        browser.signInDemo("approver");
        browser.click(By.id("nav-approvals"));
        By taskOfChange = By.xpath("//div[@id='approval-list']/div[.//a[text()='" + key + "']]//section[@data-task-id]");
        WebElement task = browser.waitFor(taskOfChange);
        String taskId = task.getDomAttribute("data-task-id");
        assertThat(browser.find(By.id("approval-list")).getText()).contains(key);
        browser.screenshot("approvals");

        browser.find(By.id("task-comment-" + taskId)).sendKeys("백업 확인함, 승인합니다 " + token);
        browser.click(By.cssSelector("section[data-task-id='" + taskId + "'] button[data-action=approve]"));
        browser.waitUntil(d -> browser.find(By.id("toasts")).getText().contains("승인했습니다."), "the approval notice");
        browser.waitUntil(d -> browser.findAll(By.cssSelector("section[data-task-id='" + taskId + "']")).isEmpty(),
                "the task to leave the inbox");

        browser.open("#/changes/" + key);
        browser.waitUntil(d -> !browser.findAll(By.id("change-approvals")).isEmpty(), "the change's approvals");
        String approvals = browser.find(By.id("change-approvals")).getText();
        assertThat(approvals).contains("approver", "승인", "백업 확인함, 승인합니다 " + token);
        assertThat(browser.find(By.id("change-status")).getText()).isEqualTo("일정 확정");
        assertThat(browser.find(By.tagName("h1")).getText()).contains(key, title);
        assertThat(browser.findAll(By.cssSelector("section[data-task-id]"))).as("nothing left to decide").isEmpty();
        browser.screenshot("change-approved");

        JsonPath change = asDemo("agent").get("/api/changes/" + key).then().statusCode(200).extract().jsonPath();
        assertThat(change.getString("status")).isEqualTo("scheduled");
        assertThat(change.getList("approvals.approver", String.class)).containsExactly("approver");
        assertThat(change.getList("approvals.decision", String.class)).containsExactly("approved");
        assertThat(change.getString("approvals[0].comment")).isEqualTo("백업 확인함, 승인합니다 " + token);
    }

    @Test
    void anApproverSeesWhatTheRequesterRevisedAfterTheirApproval() throws Exception {
        String token = ConsoleIT.token();
        long ci = ((Number) asAdmin().body(Map.of("name", "db-rev-" + token, "type", "server")).post("/api/cis")
                .then().statusCode(201).extract().path("id")).longValue();
        Instant start = Instant.now().plus(230, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String key = asDemo("agent").body(Map.of("type", "normal", "title", "DB 패치 재검토 " + token, "risk", "high",
                "ciIds", List.of(ci), "plannedStart", start.toString(), "plannedEnd", start.plus(2, ChronoUnit.HOURS).toString(),
                "implementationPlan", "패치 적용 후 재기동", "backoutPlan", "스냅샷 복원")).post("/api/changes")
                .then().statusCode(201).extract().path("key");
        List<Map<String, Object>> tasks = asDemo("approver").get("/api/tasks").then().extract().path("items");
        String first = tasks.stream().filter(t -> key.equals(t.get("changeKey"))).map(t -> (String) t.get("id"))
                .findFirst().orElseThrow();
        asDemo("approver").body(Map.of("approved", true, "comment", "ok")).post("/api/tasks/" + first + "/complete")
                .then().statusCode(200);
        asDemo("agent").body(Map.of("risk", "medium")).patch("/api/changes/" + key).then().statusCode(200);

        browser.signInDemo("approver");
        browser.click(By.id("nav-approvals"));
        By revised = By.xpath("//div[@id='approval-list']/div[.//a[text()='" + key + "']]//section[@data-task-id]"
                + "//div[@data-revised]");
        String card = browser.waitFor(revised).getText();
        assertThat(card).contains("마지막 결정 이후 변경됨", "위험도", "높음", "보통", "agent");

        browser.open("#/changes/" + key);
        browser.waitUntil(d -> !browser.findAll(By.id("change-revisions")).isEmpty(), "what changed");
        assertThat(browser.find(By.id("change-revisions")).getText()).contains("2차", "위험도", "높음", "보통");
        assertThat(browser.find(By.id("change-withdrawn-approvals")).getText()).contains("approver", "철회됨");
    }

    // ------------------------------------------------------------------ helpers

    private static String alarmIncident(String reductionKey) {
        List<Map<String, Object>> items = asDemo("agent").queryParam("q", reductionKey).get("/api/alarms")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(a -> reductionKey.equals(a.get("reductionKey"))).map(a -> (String) a.get("incidentKey"))
                .filter(k -> k != null).findFirst().orElse(null);
    }

    private List<String> rowKeys() {
        return browser.findAll(By.cssSelector("#ticket-list tr[data-key]")).stream().map(r -> r.getDomAttribute("data-key")).toList();
    }

    private String countBadge() {
        return browser.find(By.cssSelector("[data-count='open-incidents']")).getText();
    }

    private String timelineText(String kind) {
        return String.join("\n", browser.findAll(By.cssSelector("#timeline li[data-kind='" + kind + "']")).stream()
                .map(WebElement::getText).toList());
    }
}
