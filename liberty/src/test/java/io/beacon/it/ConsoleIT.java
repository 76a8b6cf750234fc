package io.beacon.it;

import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.Browser;
import io.beacon.it.support.BrowserExtension;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The agent console in a real headless Chromium against the running server with its demo data:
 * what an agent sees and does, in Korean by default, and that the page never logs an error.
 */
@ExtendWith({BeaconServerExtension.class, BrowserExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {
    private static final String OPEN = "new,assigned,in_progress,pending";

    private Browser browser;

    @BeforeEach
    void useBrowser(Browser browser) {
        this.browser = browser;
        browser.consoleEntries(); // start each test with an empty console
        koreanInSeoul("agent", "agent2", "requester", "approver");
    }

    /** Other tests change these users' preferences; these tests read Korean labels and Seoul times. */
    static void koreanInSeoul(String... users) {
        for (String user : users) {
            asDemo(user).body(Map.of("locale", "ko", "timeZone", "Asia/Seoul")).patch("/api/me").then().statusCode(200);
        }
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(browser.consoleErrors()).as("browser console").isEmpty();
    }

    @Test
    @Order(1)
    void aVisitorSignsInWithTheKeyboardAndSeesTheOpenIncidents() throws Exception {
        browser.freshVisit();
        WebElement username = browser.waitFor(By.id("username"));
        assertThat(browser.find(By.cssSelector("label[for=username]")).getText()).isEqualTo("사용자 이름");
        browser.screenshot("sign-in");
        username.sendKeys("agent", Keys.TAB, "agent-demo-pass", Keys.ENTER);
        browser.waitFor(By.id("signout"));
        browser.waitFor(By.cssSelector("#ticket-list table"));

        assertThat(browser.find(By.id("queue-title")).getText()).isEqualTo("미해결 장애");
        List<String> expected = asDemo("agent").get("/api/tickets?type=incident&status=" + OPEN + "&sort=priority&size=25")
                .then().statusCode(200).extract().jsonPath().getList("items.key");
        assertThat(rowKeys()).isNotEmpty().allMatch(k -> k.startsWith("INC-")).isEqualTo(expected);
        assertThat(browser.find(By.id("ticket-list")).getText()).contains("메일서버장애 발생", "Core switch CPU above 90%");
        long total = asDemo("agent").get("/api/tickets/counts?type=incident&status=" + OPEN).then().extract().jsonPath().getLong("total");
        browser.waitUntil(d -> String.valueOf(total).equals(countBadge("open-incidents")), "the open incidents counter");
        long nearOrPastBreach = asDemo("agent").get("/api/tickets?sla=at_risk,breached&size=1&status=" + OPEN).then()
                .extract().jsonPath().getLong("total");
        browser.waitUntil(d -> String.valueOf(nearOrPastBreach).equals(countBadge("sla")), "the SLA queue's counter");
        browser.screenshot("queues");
    }

    @Test
    @Order(2)
    void aNewIncidentAppearsInTheQueueWithoutReloading() {
        signedInAs("agent");
        String token = token();
        browser.open("#/tickets?queue=open-incidents&q=" + token);
        browser.waitFor(By.cssSelector("#ticket-list [data-testid=empty]"));
        browser.script("window.beaconNotReloaded = true;");
        browser.waitUntil(d -> "on".equals(browser.find(By.id("live-state")).getDomAttribute("data-live")), "the live stream to connect");

        String key = openIncident("agent2", "라우터 장애 " + token);

        browser.waitUntil(d -> rowKeys().contains(key), "the new incident to appear live");
        assertThat(browser.script("return window.beaconNotReloaded === true;")).isEqualTo(true);
        assertThat(browser.find(By.id("toasts")).getText()).contains(key);
    }

    /**
     * The update arrives after the queue was read but before the page shows it: held until the
     * page is on screen, it still brings the new incident in. The browser's fetch is wrapped so
     * that this queue's answer (read by the server at once) reaches the page only when the test says.
     */
    @Test
    @Order(2)
    void anIncidentOpenedWhileTheQueueIsLoadingStillAppears() {
        signedInAs("agent");
        browser.open("#/dashboard");
        browser.waitUntil(d -> "on".equals(browser.find(By.id("live-state")).getDomAttribute("data-live")), "the live stream to connect");
        String token = token();
        browser.script("""
                const token = arguments[0];
                window.beaconRealFetch = window.fetch;
                window.beaconQueueRead = false;
                const gate = new Promise((release) => { window.beaconRelease = release; });
                window.fetch = async (...args) => {
                  const response = await window.beaconRealFetch(...args);
                  const url = String(args[0]);
                  if (url.startsWith('/api/tickets?') && url.includes(token)) {
                    window.beaconQueueRead = true;
                    await gate;
                  }
                  return response;
                };""", token);
        try {
            browser.script("window.location.hash = arguments[0];", "#/tickets?queue=open-incidents&q=" + token);
            browser.waitUntil(d -> Boolean.TRUE.equals(browser.script("return window.beaconQueueRead;")), "the queue to be read");

            String key = openIncident("agent2", "로딩 중 장애 " + token);
            browser.waitUntil(d -> browser.find(By.id("toasts")).getText().contains(key), "the update to reach the page");
            browser.script("window.beaconRelease();");

            browser.waitUntil(d -> rowKeys().contains(key), "the incident to appear once the queue is on screen");
        } finally {
            browser.script("window.beaconRelease(); window.fetch = window.beaconRealFetch;");
        }
    }

    @Test
    @Order(3)
    void anAgentOpensATicketCommentsNotesAssignsAndResolvesIt() throws Exception {
        signedInAs("agent");
        String token = token();
        String key = openIncident("agent2", "VPN 접속 불가 " + token);
        browser.open("#/tickets?queue=all&q=" + token);
        browser.waitFor(By.cssSelector("#ticket-list tr[data-key='" + key + "'] a")).click();
        assertThat(browser.waitFor(By.id("ticket-key")).getText()).isEqualTo(key);

        browser.find(By.id("comment-body")).sendKeys("재부팅 후 다시 확인 부탁드립니다 " + token);
        browser.click(By.id("comment-submit"));
        browser.waitUntil(d -> timelineText("comment").contains("재부팅 후 다시 확인 부탁드립니다 " + token), "the comment in the timeline");

        browser.find(By.id("comment-body")).sendKeys("방화벽 로그 확인 필요 " + token);
        browser.click(By.id("comment-internal"));
        browser.click(By.id("comment-submit"));
        browser.waitUntil(d -> timelineText("note").contains("방화벽 로그 확인 필요 " + token), "the internal note in the timeline");

        java.nio.file.Path log = java.nio.file.Files.createTempFile("vpn-", ".log");
        java.nio.file.Files.writeString(log, "tunnel down " + token);
        browser.find(By.id("attach-file")).sendKeys(log.toString());
        browser.click(By.id("attach-submit"));
        browser.waitUntil(d -> timelineText("attachment").contains(log.getFileName().toString()), "the attachment in the timeline");

        browser.click(By.id("assign-me"));
        browser.waitUntil(d -> browser.find(By.id("ticket-assignee")).getText().contains("agent"), "the ticket assigned to me");

        new Select(browser.find(By.id("field-status"))).selectByValue("resolved");
        browser.click(By.id("apply-actions"));
        // Beside the field that needs it, not at the top of the page.
        assertThat(browser.waitFor(By.id("field-resolution-feedback")).getText())
                .isEqualTo("해결 처리에는 해결 내용이 필요합니다.");
        browser.find(By.id("field-resolution")).sendKeys("VPN 게이트웨이 세션 초기화 " + token);
        assertThat(browser.find(By.id("field-resolution-feedback")).getText()).as("gone once typed").isEmpty();
        browser.click(By.id("apply-actions"));
        browser.waitUntil(d -> browser.find(By.id("ticket-status")).getText().equals("해결됨"), "the ticket resolved");
        browser.screenshot("ticket");

        JsonPath ticket = asDemo("agent").get("/api/tickets/" + key).then().statusCode(200).extract().jsonPath();
        assertThat(ticket.getString("status")).isEqualTo("resolved");
        assertThat(ticket.getString("assignee.username")).isEqualTo("agent");
        assertThat(ticket.getString("resolution")).isEqualTo("VPN 게이트웨이 세션 초기화 " + token);
        assertThat(ticket.getList("comments.internal", Boolean.class)).containsExactly(false, true);
        assertThat(ticket.getList("comments.channel", String.class)).as("written in the console").containsOnly("web");
    }

    @Test
    @Order(4)
    void anApiErrorIsShownInPlainWordsAtTheField() {
        signedInAs("agent");
        browser.open("#/new");
        String tooLong = "가".repeat(301);
        browser.waitFor(By.id("new-title"));
        browser.script("document.getElementById('new-title').value = arguments[0];", tooLong); // past the field's maxlength
        browser.click(By.id("new-submit"));

        JsonPath problem = asDemo("agent").body(Map.of("type", "incident", "title", tooLong, "impact", "medium", "urgency", "medium"))
                .post("/api/tickets").then().statusCode(422).extract().jsonPath();
        WebElement error = browser.waitFor(By.cssSelector("#new-error [data-testid=error]"));
        assertThat(error.getText()).contains(problem.getString("detail"));
        assertThat(browser.find(By.id("new-title-feedback")).getText()).isEqualTo(problem.getString("errors[0].message"));
        assertThat(browser.find(By.id("new-title")).getDomAttribute("class")).contains("is-invalid");
        List<String> failedRequest = browser.consoleErrors();
        assertThat(failedRequest).allMatch(e -> e.contains("/api/tickets") && e.contains("422"));
    }

    @Test
    @Order(5)
    void anAgentCreatesATicketWithACiFromThePicker() {
        signedInAs("agent");
        long mail01 = ciId("mail-01");
        browser.open("#/tickets");
        browser.waitFor(By.id("nav-new")).click();
        String title = "메일 수신 지연 " + token();
        browser.waitFor(By.id("new-title")).sendKeys(title);
        browser.find(By.id("new-description")).sendKeys("외부 메일이 30분 늦게 도착합니다.");
        browser.find(By.id("new-ci")).sendKeys("mail-0");
        browser.waitFor(By.cssSelector("#new-ci-results button[data-ci-name='mail-01']")).click();
        assertThat(browser.find(By.id("new-ci-chosen")).getText()).contains("mail-01");
        browser.click(By.id("new-submit"));

        String key = browser.waitFor(By.id("ticket-key")).getText();
        assertThat(browser.find(By.id("ticket-title")).getText()).isEqualTo(title);
        assertThat(browser.find(By.id("ticket-cis")).getText()).isEqualTo("mail-01");
        JsonPath ticket = asDemo("agent").get("/api/tickets/" + key).then().statusCode(200).extract().jsonPath();
        assertThat(ticket.getString("title")).isEqualTo(title);
        assertThat(ticket.getList("ciIds", Long.class)).containsExactly(mail01);
    }

    @Test
    @Order(6)
    void aCiPageDrawsItsTopologyAndListsItsOpenTickets() throws Exception {
        signedInAs("agent");
        long mail01 = ciId("mail-01");
        browser.open("#/cmdb/" + mail01);
        assertThat(browser.waitFor(By.id("ci-name")).getText()).isEqualTo("mail-01");
        browser.waitUntil(d -> browser.find(By.id("ci-graph")).getDomAttribute("data-nodes") != null, "the topology graph");
        int relations = asDemo("agent").get("/api/cis/" + mail01).then().extract().jsonPath().getList("relations").size();
        assertThat(relations).isPositive();
        assertThat(Integer.parseInt(browser.find(By.id("ci-graph")).getDomAttribute("data-nodes"))).isGreaterThan(1);
        assertThat(browser.find(By.cssSelector("#ci-graph canvas")).isDisplayed()).isTrue();
        browser.waitUntil(d -> browser.find(By.id("ci-tickets")).getText().contains("메일서버장애 발생"), "the CI's open tickets");
        browser.screenshot("ci-topology");
    }

    @Test
    @Order(7)
    void theDashboardChartsOpenIncidentsByPriority() throws Exception {
        signedInAs("agent");
        browser.open("#/dashboard");
        browser.waitUntil(d -> "true".equals(browser.find(By.id("chart-priority")).getDomAttribute("data-drawn")), "the priority chart");
        StringBuilder expected = new StringBuilder();
        for (String p : List.of("P1", "P2", "P3", "P4")) {
            expected.append(expected.isEmpty() ? "" : ",").append(asDemo("agent")
                    .get("/api/tickets/counts?type=incident&status=" + OPEN + "&priority=" + p).then().extract().jsonPath().getLong("total"));
        }
        assertThat(browser.find(By.id("chart-priority")).getDomAttribute("data-values")).isEqualTo(expected.toString());

        // Over time: incidents opened per day in Seoul with their mean times, and events per hour.
        browser.waitUntil(d -> "true".equals(browser.find(By.id("chart-ticket-times")).getDomAttribute("data-drawn")), "the ticket times chart");
        JsonPath times = asDemo("agent").get("/api/reports/ticket-times?bucket=day&type=incident&tz=Asia/Seoul").then().statusCode(200)
                .extract().jsonPath();
        assertThat(browser.find(By.id("chart-ticket-times")).getDomAttribute("data-counts"))
                .isEqualTo(String.join(",", times.getList("buckets.count", String.class)));
        assertThat(browser.find(By.id("chart-ticket-times")).getDomAttribute("data-resolve"))
                .isEqualTo(String.join(",", times.getList("buckets.meanTimeToResolveSeconds", Object.class).stream()
                        .map(v -> v == null ? "" : v.toString()).toList()));
        assertThat(browser.findAll(By.cssSelector("#chart-ticket-times canvas"))).hasSize(1);
        String token = token();
        for (int i = 0; i < 3; i++) {
            asDemo("monitor").body(Map.of("source", "it", "ci", "web-01", "severity", "warning", "name", "dashboard-" + token,
                    "key", "dashboard/" + token + "/" + i)).post("/api/events").then().statusCode(200);
        }
        browser.driver().navigate().refresh();
        browser.waitUntil(d -> "true".equals(browser.find(By.id("chart-events")).getDomAttribute("data-drawn")), "the events chart");
        List<String> perHour = asDemo("agent").get("/api/reports/events-per-hour?hours=24&tz=Asia/Seoul").then().statusCode(200)
                .extract().jsonPath().getList("buckets.count", String.class);
        assertThat(browser.find(By.id("chart-events")).getDomAttribute("data-values")).isEqualTo(String.join(",", perHour));
        assertThat(Long.parseLong(perHour.get(23))).isGreaterThanOrEqualTo(3);
        assertThat(browser.find(By.id("main")).getText()).contains("일별 평균 접수·해결 시간", "시간별 수신 이벤트 (최근 24시간)");

        new Select(browser.find(By.id("report-bucket"))).selectByValue("week");
        browser.waitUntil(d -> browser.find(By.id("main")).getText().contains("주별 평균 접수·해결 시간")
                && "true".equals(browser.find(By.id("chart-ticket-times")).getDomAttribute("data-drawn")), "the weekly chart");
        new Select(browser.find(By.id("report-bucket"))).selectByValue("day");
        browser.waitUntil(d -> "true".equals(browser.find(By.id("chart-ticket-times")).getDomAttribute("data-drawn"))
                && browser.find(By.id("main")).getText().contains("일별 평균 접수·해결 시간"), "the daily chart again");

        // A chosen range, kept in the address: one bar per day from the first to the last, both included.
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Seoul"));
        String from = today.minusDays(6).toString();
        String to = today.toString();
        browser.open("#/dashboard?bucket=day&type=incident&from=" + from + "&to=" + to);
        browser.waitUntil(d -> "true".equals(browser.find(By.id("chart-ticket-times")).getDomAttribute("data-drawn"))
                && browser.find(By.id("chart-ticket-times")).getDomAttribute("data-counts").split(",", -1).length == 7,
                "the chart of the last seven days");
        JsonPath week = asDemo("agent").get("/api/reports/ticket-times?bucket=day&type=incident&tz=Asia/Seoul&from=" + from
                + "&to=" + to).then().statusCode(200).extract().jsonPath();
        assertThat(browser.find(By.id("chart-ticket-times")).getDomAttribute("data-counts"))
                .isEqualTo(String.join(",", week.getList("buckets.count", String.class)));
        assertThat(browser.find(By.id("report-from")).getDomProperty("value")).isEqualTo(from);
        assertThat(browser.find(By.id("report-to")).getDomProperty("value")).isEqualTo(to);
        assertThat(browser.find(By.id("report-to")).getDomAttribute("min")).isEqualTo(from);
        browser.screenshot("dashboard");
        // A reversed range (typed into the address) says why instead of drawing a wrong chart.
        browser.open("#/dashboard?bucket=day&type=incident&from=" + to + "&to=" + from);
        assertThat(browser.waitFor(By.cssSelector("#chart-ticket-times [data-testid=error]")).getText())
                .isEqualTo("시작일이 종료일보다 늦습니다.");
    }

    @Test
    @Order(8)
    void theLanguageSwitchesToEnglishAndBackAndIsRememberedByTheServer() {
        signedInAs("agent");
        browser.open("#/tickets");
        assertThat(browser.waitFor(By.id("nav-tickets")).getText()).isEqualTo("작업 대기열");
        new Select(browser.find(By.id("lang"))).selectByValue("en");
        browser.waitUntil(d -> browser.find(By.id("nav-tickets")).getText().equals("Queues"), "English labels");
        browser.waitUntil(d -> browser.find(By.id("queue-title")).getText().equals("Open incidents"), "English queue title");
        assertThat(asDemo("agent").get("/api/me").then().extract().jsonPath().getString("user.locale")).isEqualTo("en");

        browser.driver().navigate().refresh(); // remembered by the server, not only by this page
        browser.waitUntil(d -> browser.find(By.id("nav-tickets")).getText().equals("Queues"), "English after a reload");

        new Select(browser.find(By.id("lang"))).selectByValue("ko");
        browser.waitUntil(d -> browser.find(By.id("nav-tickets")).getText().equals("작업 대기열"), "Korean labels");
        assertThat(asDemo("agent").get("/api/me").then().extract().jsonPath().getString("user.locale")).isEqualTo("ko");
    }

    @Test
    @Order(9)
    void aNarrowLaptopScreenNeedsNoSidewaysScrolling() {
        signedInAs("agent");
        try {
            browser.driver().manage().window().setSize(Browser.NARROW_LAPTOP);
            for (String page : List.of("#/tickets", "#/tickets/INC-1", "#/cmdb", "#/new")) {
                browser.open(page);
                browser.waitFor(By.id("main"));
                browser.waitUntil(d -> browser.findAll(By.cssSelector("#main .spinner-border")).isEmpty(), "the page " + page);
                Object overflow = browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(((Number) overflow).intValue()).as("sideways overflow on " + page).isLessThanOrEqualTo(0);
            }
        } finally {
            browser.driver().manage().window().setSize(Browser.DESKTOP);
        }
    }

    @Test
    @Order(10)
    void signingOutEndsTheSession() {
        signedInAs("agent");
        browser.open("#/tickets");
        browser.waitFor(By.id("signout")).click();
        browser.waitFor(By.id("username"));
        assertThat(browser.find(By.id("signin-notice")).getText()).isEqualTo("로그아웃했습니다.");
        assertThat(browser.sessionUser()).as("the session after signing out").isNull();
    }

    // ------------------------------------------------------------------ helpers

    private void signedInAs(String user) {
        if (browser.findAll(By.id("signout")).isEmpty() || !user.equals(browser.sessionUser())) {
            browser.signInDemo(user);
        }
    }

    private List<String> rowKeys() {
        return browser.findAll(By.cssSelector("#ticket-list tr[data-key]")).stream().map(r -> r.getDomAttribute("data-key")).toList();
    }

    private String countBadge(String queue) {
        return browser.find(By.cssSelector("[data-count='" + queue + "']")).getText();
    }

    private String timelineText(String kind) {
        return String.join("\n", browser.findAll(By.cssSelector("#timeline li[data-kind='" + kind + "']")).stream().map(WebElement::getText).toList());
    }

    static String token() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static String openIncident(String agent, String title) {
        return asDemo(agent).body(Map.of("type", "incident", "title", title, "impact", "high", "urgency", "high",
                "requester", "requester")).post("/api/tickets").then().statusCode(201).extract().path("key");
    }

    static long ciId(String name) {
        return asDemo("agent").get("/api/cis?name=" + name).then().statusCode(200).extract().jsonPath().getLong("items[0].id");
    }
}
