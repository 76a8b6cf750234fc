package io.beacon.it;

import static io.beacon.it.support.Api.asAdmin;
import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.Browser;
import io.beacon.it.support.BrowserExtension;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The process panel of the ticket page and the change page in a real Chromium: bpmn-js draws the BPMN of
 * the instance, the current activity outlined, the completed ones ticked; a requester sees their own ticket's.
 */
@ExtendWith({BeaconServerExtension.class, BrowserExtension.class})
class ProcessDiagramConsoleIT {
    private Browser browser;

    @BeforeEach
    void useBrowser(Browser browser) {
        this.browser = browser;
        browser.consoleEntries();
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(browser.consoleErrors()).as("browser console").isEmpty();
    }

    /** Waits until bpmn-js has drawn the diagram into the panel and answers the ids of the outlined elements. */
    private List<String> drawnAndMarked(String processKey, String marker) {
        browser.waitFor(By.id("process-panel"));
        browser.waitUntil(d -> String.valueOf(browser.find(By.id("process-canvas")).getAttribute("data-drawn"))
                .startsWith(processKey + ":"), "bpmn-js drawing " + processKey);
        WebElement svg = browser.find(By.cssSelector("#process-canvas svg"));
        assertThat(svg.isDisplayed()).isTrue();
        return browser.findAll(By.cssSelector("#process-canvas .djs-element." + marker)).stream()
                .map(e -> e.getAttribute("data-element-id")).toList();
    }

    @Test
    void aRequesterSeesTheirNewTicketWaitingOpenInKorean() throws Exception {
        asDemo("requester").body(Map.of("locale", "ko", "timeZone", "Asia/Seoul")).patch("/api/me").then().statusCode(200);
        String key = asDemo("requester").body(Map.of("type", "service_request", "title", "모니터 교체 요청 " + UUID.randomUUID()
                .toString().substring(0, 4), "description", "화면이 깜빡입니다")).post("/api/tickets").then().statusCode(201)
                .extract().path("key");

        browser.signInDemo("requester");
        browser.open("#/tickets/" + key);
        browser.waitFor(By.id("timeline"));

        assertThat(drawnAndMarked("ticket-lifecycle", "process-active")).containsExactly("working");
        assertThat(drawnAndMarked("ticket-lifecycle", "process-completed")).containsExactlyInAnyOrder("opened", "startSla");
        // the outlined element is the gateway the process waits in, drawn from the file's own shape
        WebElement active = browser.find(By.cssSelector("#process-canvas .djs-element.process-active"));
        assertThat(browser.script("return getComputedStyle(arguments[0].querySelector('.djs-visual > :first-child')).stroke;",
                active)).isEqualTo("rgb(253, 126, 20)");
        assertThat(browser.find(By.cssSelector("#process-panel > summary")).getText()).isEqualTo("프로세스");
        assertThat(browser.find(By.id("process-legend")).getText()).contains("현재 단계", "완료", "미도달");
        assertThat(browser.find(By.id("process-status")).getText()).contains("현재: 진행 중");
        // the bpmn.io watermark stays visible (the viewer's licence asks for it)
        assertThat(browser.find(By.cssSelector("#process-canvas .bjs-powered-by")).isDisplayed()).isTrue();
        browser.screenshot("process-ticket", By.id("process-panel"));

        // folded away, and remembered folded on the next ticket page
        browser.click(By.cssSelector("#process-panel > summary"));
        browser.waitUntil(d -> browser.find(By.id("process-panel")).getAttribute("open") == null, "the panel folds");
        browser.open("#/tickets/" + key);
        browser.waitFor(By.id("timeline"));
        assertThat(browser.find(By.id("process-panel")).getAttribute("open")).isNull();
        browser.click(By.cssSelector("#process-panel > summary"));
        assertThat(drawnAndMarked("ticket-lifecycle", "process-active")).containsExactly("working");
    }

    @Test
    void anApproverSeesTheApprovalDoneAndImplementationNextInEnglish() throws Exception {
        asDemo("approver").body(Map.of("locale", "en", "timeZone", "Asia/Seoul")).patch("/api/me").then().statusCode(200);
        try {
            long ci = ((Number) asAdmin().body(Map.of("name", "ui-diagram-" + UUID.randomUUID(), "type", "server"))
                    .post("/api/cis").then().statusCode(201).extract().path("id")).longValue();
            Instant start = Instant.now().plus(800, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
            Map<String, Object> body = new HashMap<>();
            body.put("type", "normal");
            body.put("title", "Replace the core switch supervisor");
            body.put("risk", "high");
            body.put("ciIds", List.of(ci));
            body.put("plannedStart", start.toString());
            body.put("plannedEnd", start.plus(2, ChronoUnit.HOURS).toString());
            String key = asDemo("agent").body(body).post("/api/changes").then().statusCode(201).extract().path("key");
            for (RequestSpecification who : List.of(asDemo("approver"), asAdmin())) {
                List<Map<String, Object>> tasks = who.get("/api/tasks").then().statusCode(200).extract().path("items");
                String task = tasks.stream().filter(t -> key.equals(t.get("changeKey")) && "approve".equals(t.get("taskKey")))
                        .map(t -> (String) t.get("id")).findFirst().orElseThrow();
                who.body(Map.of("approved", true, "comment", "ok")).post("/api/tasks/" + task + "/complete")
                        .then().statusCode(200);
            }

            browser.signInDemo("approver");
            browser.open("#/changes/" + key);
            assertThat(drawnAndMarked("change-management", "process-active")).containsExactly("startImplementation");
            assertThat(drawnAndMarked("change-management", "process-completed")).contains("approve")
                    .doesNotContain("startImplementation");
            assertThat(browser.find(By.cssSelector("#process-panel > summary")).getText()).isEqualTo("Process");
            assertThat(browser.find(By.id("process-legend")).getText()).contains("Current step", "Done", "Not reached");
            assertThat(browser.find(By.id("process-status")).getText())
                    .endsWith("Now: Start implementing");
            browser.screenshot("process-change", By.id("process-panel"));
        } finally {
            asDemo("approver").body(Map.of("locale", "ko")).patch("/api/me").then().statusCode(200);
        }
    }
}
