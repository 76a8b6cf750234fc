package io.beacon.it;

import static io.beacon.it.support.Api.asAdmin;
import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.Browser;
import io.beacon.it.support.BrowserExtension;
import io.beacon.it.support.Poll;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * One language per reader: the text Beacon writes on an alarm's incident (title, description, history)
 * is kept as a message key with arguments beside its English text, and an agent whose console is in
 * Korean reads all of it in Korean, with its times in their own zone.
 */
@ExtendWith({BeaconServerExtension.class, BrowserExtension.class})
class ConsoleLanguageIT {
    /** Sentences and words Beacon used to write in English on an alarm's incident. */
    private static final Pattern ENGLISH = Pattern.compile(
            "Opened by|Reduction key|First seen|unknown CI| on [a-z]|alarm\\(s\\)|merged into|changed|SLA target|sla_target|Beacon from");
    private static final Pattern RAW_UTC = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

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

    private static String alarmIncident(String ci, String key) {
        asAdmin().body(Map.of("name", ci, "type", "switch")).post("/api/cis").then().statusCode(201);
        asDemo("monitor").body(Map.of("ci", ci, "severity", "major", "name", "LinkDown", "message", "uplink ge-0/0/1 down",
                "key", key)).post("/api/events").then().statusCode(200);
        return Poll.until(() -> EventWebhookIT.alarmByKey("api:" + key),
                j -> j != null && j.getString("incidentKey") != null, Duration.ofSeconds(30), "incident").getString("incidentKey");
    }

    @Test
    void anAlarmsIncidentKeepsItsTextAsAKeyWithArgumentsBesideTheEnglish() {
        String ci = "lang-sw-" + UUID.randomUUID().toString().substring(0, 8);
        String incident = alarmIncident(ci, ci + "/link");
        JsonPath t = asDemo("agent").get("/api/tickets/" + incident).then().statusCode(200).extract().jsonPath();
        assertThat(t.getString("description")).startsWith("Opened by Beacon from alarm ").contains("Reduction key: api:" + ci);
        assertThat(t.getString("descriptionKey")).isEqualTo("sys.incident.fromAlarm");
        Map<String, String> args = t.getMap("descriptionArgs");
        assertThat(args).containsEntry("severity", "major").containsEntry("source", "api")
                .containsEntry("message", "uplink ge-0/0/1 down").containsEntry("reductionKey", "api:" + ci + "/link")
                .containsKeys("alarm", "firstSeenAt");
        assertThat(t.getString("title")).isEqualTo("LinkDown on " + ci + ": uplink ge-0/0/1 down");
        assertThat(t.getString("titleKey")).isEqualTo("sys.incident.alarmTitle");
        assertThat(t.getMap("titleArgs")).containsEntry("ci", ci).containsEntry("name", "LinkDown");

        // A person's description replaces Beacon's: it is shown as written, no key any more.
        asDemo("agent").body(Map.of("description", "직접 쓴 설명")).patch("/api/tickets/" + incident).then().statusCode(200);
        JsonPath edited = asDemo("agent").get("/api/tickets/" + incident).then().statusCode(200).extract().jsonPath();
        assertThat(edited.getString("descriptionKey")).isNull();
        assertThat(edited.getString("titleKey")).isEqualTo("sys.incident.alarmTitle");
    }

    @Test
    void aKoreanAgentReadsNoEnglishFromBeaconOnAnAlarmsIncident() throws Exception {
        String ci = "lang-core-" + UUID.randomUUID().toString().substring(0, 8);
        String incident = alarmIncident(ci, ci + "/psu");
        // Its SLA clocks run once its process has started, just after the incident (as an agent finds it).
        Poll.until(() -> asDemo("agent").get("/api/tickets/" + incident).then().extract().jsonPath(),
                j -> j.get("sla.responseDue") != null, Duration.ofSeconds(20), "the incident's SLA clocks");
        // A change by a person that makes Beacon move the SLA targets (history: priority, sla_target).
        asDemo("agent").body(Map.of("priority", "P1")).patch("/api/tickets/" + incident).then().statusCode(200);
        Poll.until(() -> asDemo("agent").get("/api/tickets/" + incident).then().extract().jsonPath(),
                j -> j.getList("history.field").contains("sla_target"), Duration.ofSeconds(20), "SLA targets moved");

        browser.signInDemo("agent");
        browser.open("#/tickets/" + incident);
        String title = browser.waitFor(By.id("ticket-title")).getText();
        assertThat(title).isEqualTo(ci + "의 LinkDown: uplink ge-0/0/1 down");
        String description = browser.waitFor(By.id("ticket-description")).getText();
        assertThat(description).startsWith("Beacon이 경보 ").contains("(주요, API)").contains("축약 키: api:" + ci + "/psu")
                .contains("처음 발생: ");
        String timeline = browser.find(By.id("timeline")).getText();
        assertThat(timeline).contains("SLA 목표를 우선순위").doesNotContain("을(를)").doesNotContain("(으)로");
        // What Beacon wrote: the title, the timeline (description, notes, history). The process diagram's
        // step names come from the BPMN model and are not covered here (yet).
        String written = title + "\n" + timeline;
        assertThat(ENGLISH.matcher(written).find()).as("English from Beacon on the page: %s", written).isFalse();
        String page = browser.find(By.id("main")).getText();
        assertThat(RAW_UTC.matcher(page).find()).as("a raw UTC time on the page: %s", page).isFalse();
        browser.screenshot("incident-ko");
    }

    private static long ci(String name, String type) {
        return ((Number) asAdmin().body(Map.of("name", name, "type", type)).post("/api/cis").then().statusCode(201)
                .extract().path("id")).longValue();
    }

    private static void event(String ci, boolean clear) {
        Map<String, Object> body = new HashMap<>(Map.of("ci", ci, "name", "NodeDown", "key", ci + "/node"));
        if (clear) {
            body.put("clear", true);
        } else {
            body.put("severity", "critical");
            body.put("message", ci + " does not answer");
        }
        asDemo("monitor").body(body).post("/api/events").then().statusCode(200);
    }

    private static JsonPath alarm(String ci, java.util.function.Predicate<JsonPath> done, String what) {
        return Poll.until(() -> EventWebhookIT.alarmByKey("api:" + ci + "/node"), a -> a != null && done.test(a),
                Duration.ofSeconds(60), what);
    }

    /**
     * What correlation writes (why an alarm pages nobody, why an incident opened, Beacon's own resolution)
     * and the process diagram's steps, read by the same agent in Korean and in English.
     */
    @Test
    void correlationsReasonsAndTheProcessStepsAreInTheReadersLanguage() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        // Names ending in 1 (read 일): the Korean particle after them is 은, after a consonant.
        String core = "lang-core-sw-" + run + "-01";
        String server = "lang-srv-" + run + "-01";
        long coreId = ci(core, "switch");
        long serverId = ci(server, "server");
        asAdmin().body(Map.of("type", "connected_to", "targetId", coreId)).post("/api/cis/" + serverId + "/relations")
                .then().statusCode(201);
        event(core, false);
        String coreIncident = alarm(core, a -> a.getString("incidentKey") != null, "the core's incident").getString("incidentKey");
        event(server, false);
        long serverAlarm = alarm(server, a -> "root_cause".equals(a.getString("suppression.kind")), "the server behind the core")
                .getLong("id");
        By serverRow = By.cssSelector("tr[data-alarm-id='" + serverAlarm + "']");

        browser.signInDemo("agent");
        browser.open("#/alarms?ciId=" + serverId);
        browser.waitUntil(d -> browser.find(serverRow).getText().contains("뒤에 있습니다"), "the symptom's reason in Korean");
        assertThat(browser.find(serverRow).getText()).contains("NodeDown · " + server + "은 근본 원인 NodeDown · " + core)
                .doesNotContain("is behind").doesNotContain("root cause");
        inEnglish(true);
        browser.open("#/alarms?ciId=" + serverId);
        browser.waitUntil(d -> browser.find(serverRow).getText().contains("is behind"), "the symptom's reason in English");
        assertThat(browser.find(serverRow).getText()).contains("NodeDown · " + server + " is behind NodeDown · " + core);

        // The core recovers: Beacon resolves its incident, and the server, still down, gets an incident of its own.
        event(core, true);
        Poll.until(() -> asDemo("agent").get("/api/tickets/" + coreIncident).then().extract().jsonPath(),
                j -> "resolved".equals(j.getString("status")), Duration.ofSeconds(60), coreIncident + " resolved");
        String serverIncident = alarm(server, a -> a.getString("incidentKey") != null
                && !coreIncident.equals(a.getString("incidentKey")), "the server's own incident").getString("incidentKey");

        browser.open("#/tickets/" + coreIncident);
        assertThat(browser.waitFor(By.id("ticket-resolution")).getText())
                .isEqualTo("NodeDown · " + core + " cleared. Resolved automatically by Beacon.");
        browser.open("#/tickets/" + serverIncident);
        browser.waitUntil(d -> browser.find(By.id("timeline")).getText().contains("root cause NodeDown · " + core + " cleared: "),
                "the released symptom's note in English");
        assertThat(drawnSteps()).contains("Start SLA clocks", "Open").doesNotContain("진행 중");

        inEnglish(false);
        browser.open("#/tickets/" + coreIncident);
        assertThat(browser.waitFor(By.id("ticket-resolution")).getText())
                .isEqualTo("NodeDown · " + core + " 해제. Beacon이 자동으로 해결했습니다.");
        browser.open("#/tickets/" + serverIncident);
        browser.waitUntil(d -> browser.find(By.id("timeline")).getText().contains("근본 원인 NodeDown · " + core + " 해제 후: "),
                "the released symptom's note in Korean");
        String timeline = browser.find(By.id("timeline")).getText();
        assertThat(ENGLISH.matcher(timeline).find()).as("English from Beacon: %s", timeline).isFalse();
        assertThat(timeline).doesNotContain("root cause").doesNotContain("cleared");
        assertThat(drawnSteps()).contains("SLA 시계 시작", "진행 중").doesNotContain("Start SLA clocks");
        assertThat(browser.find(By.id("process-status")).getText()).contains("현재: 진행 중");
    }

    /** The agent switches their console to English (or back to Korean) and signs in again. */
    private void inEnglish(boolean english) {
        asDemo("agent").body(Map.of("locale", english ? "en" : "ko", "timeZone", "Asia/Seoul")).patch("/api/me")
                .then().statusCode(200);
        browser.signInDemo("agent");
    }

    /** The text bpmn-js drew for the process of the ticket on screen (the panel opened if folded). */
    private String drawnSteps() {
        browser.waitFor(By.id("process-panel"));
        if (browser.find(By.id("process-panel")).getAttribute("open") == null) {
            browser.click(By.cssSelector("#process-panel > summary"));
        }
        browser.waitUntil(d -> String.valueOf(browser.find(By.id("process-canvas")).getAttribute("data-drawn"))
                .startsWith("ticket-lifecycle:"), "bpmn-js drawing the ticket's process");
        return String.valueOf(browser.script("return Array.from(document.querySelectorAll('#process-canvas .djs-label, "
                + "#process-canvas text')).map(e => e.textContent).join(' | ');"));
    }

    @Test
    void anApproverReadsTheApprovalTaskInKorean() {
        long ci = ((Number) asAdmin().body(Map.of("name", "lang-db-" + UUID.randomUUID().toString().substring(0, 8),
                "type", "server")).post("/api/cis").then().statusCode(201).extract().path("id")).longValue();
        Instant start = Instant.now().plus(500, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> body = new HashMap<>();
        body.put("type", "normal");
        body.put("title", "DB 패치 " + UUID.randomUUID().toString().substring(0, 8));
        body.put("description", "월간 보안 패치");
        body.put("risk", "high");
        body.put("ciIds", List.of(ci));
        body.put("plannedStart", start.toString());
        body.put("plannedEnd", start.plus(2, ChronoUnit.HOURS).toString());
        body.put("implementationPlan", "패치 적용 후 재부팅");
        body.put("backoutPlan", "스냅샷 복원");
        String key = asDemo("agent").body(body).post("/api/changes").then().statusCode(201).extract().path("key");
        Map<String, Object> task = Poll.until(() -> asDemo("approver").get("/api/tasks").then().statusCode(200).extract()
                .jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(t -> key.equals(t.get("changeKey")) && "approve".equals(t.get("taskKey"))).findFirst().orElse(null),
                t -> t != null, Duration.ofSeconds(30), "the approval task");
        assertThat(task.get("name")).isEqualTo("Approve " + key + ": " + body.get("title"));
        assertThat(task.get("nameKey")).isEqualTo("sys.task.approve");
        assertThat(task.get("nameArgs")).isEqualTo(Map.of("key", key, "title", body.get("title")));

        browser.signInDemo("approver");
        browser.open("#/approvals");
        By card = By.cssSelector("section.approval-card[data-change-key='" + key + "']");
        assertThat(browser.waitFor(card).getText()).contains(key + " 승인: " + body.get("title"));
        assertThat(browser.find(By.id("main")).getText()).doesNotContain("Approve " + key);
    }
}
