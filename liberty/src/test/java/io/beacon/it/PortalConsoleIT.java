package io.beacon.it;

import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.it.support.BeaconServer;
import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.Browser;
import io.beacon.it.support.BrowserExtension;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The requester portal in the browser, in Korean and in English: a requester opens a ticket with a file
 * while an agent's console shows it live, then rates the resolution; an agent files a phone ticket for a
 * new contact; an organisation's page lists its people and their tickets.
 */
@ExtendWith({BeaconServerExtension.class, BrowserExtension.class})
class PortalConsoleIT {
    private Browser agentBrowser;

    @BeforeEach
    void useBrowser(Browser browser) {
        this.agentBrowser = browser;
        browser.consoleEntries();
    }

    @AfterEach
    void koreanAgain() {
        ConsoleIT.koreanInSeoul("agent", "requester");
        assertThat(agentBrowser.consoleErrors()).as("browser console").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ko", "en"})
    void aRequesterOpensATicketWithAFileAndTheAgentSeesItLive(String language, BeaconServer server) throws Exception {
        boolean ko = "ko".equals(language);
        for (String user : new String[] {"agent", "requester"}) {
            asDemo(user).body(Map.of("locale", language, "timeZone", "Asia/Seoul")).patch("/api/me").then().statusCode(200);
        }
        String token = ConsoleIT.token();
        String title = (ko ? "프린터 용지 걸림 " : "Printer paper jam ") + token;
        Path file = Files.createTempFile("printer-", ".txt");
        Files.writeString(file, "E-204 paper jam, tray 2", StandardCharsets.UTF_8);

        agentBrowser.signInDemo("agent");
        agentBrowser.open("#/tickets?queue=all");
        agentBrowser.waitFor(By.cssSelector("#ticket-list table"));

        try (Browser requester = Browser.another(server)) {
            requester.signInDemo("requester");
            assertThat(requester.waitFor(By.id("queue-title")).getText()).isEqualTo(ko ? "진행 중인 내 요청" : "My open requests");
            requester.click(By.id("nav-new"));
            assertThat(requester.waitFor(By.cssSelector("h1")).getText()).isEqualTo(ko ? "서비스 데스크에 요청하기" : "Ask the service desk");
            assertThat(requester.findAll(By.id("new-impact"))).as("the desk decides impact").isEmpty();
            assertThat(requester.findAll(By.id("new-requester"))).isEmpty();
            requester.find(By.id("new-title")).sendKeys(title);
            new Select(requester.find(By.id("new-category"))).selectByValue("hardware");
            requester.find(By.id("new-description")).sendKeys(ko ? "2층 프린터에서 용지가 계속 걸립니다." : "The printer on floor 2 keeps jamming.");
            requester.find(By.id("new-files")).sendKeys(file.toString());
            if (ko) {
                requester.screenshot("portal-new-ticket");
            }
            requester.click(By.id("new-submit"));
            String key = requester.waitFor(By.id("ticket-key")).getText();
            requester.waitUntil(d -> requester.find(By.id("timeline")).getText().contains(file.getFileName().toString()),
                    "the file in the timeline");
            assertThat(requester.find(By.id("ticket-category")).getText()).isEqualTo(ko ? "하드웨어" : "Hardware");

            // The agent's queue shows it without a reload, with a notice that links to it.
            agentBrowser.waitFor(By.cssSelector("#ticket-list tr[data-key='" + key + "']"));
            assertThat(agentBrowser.find(By.id("toasts")).getText()).contains(key);
            agentBrowser.open("#/tickets/" + key);
            agentBrowser.waitUntil(d -> agentBrowser.find(By.id("timeline")).getText().contains(file.getFileName().toString()),
                    "the requester's file on the agent's page");
            JsonPath ticket = asDemo("agent").get("/api/tickets/" + key).then().extract().jsonPath();
            assertThat(ticket.getString("requester.username")).isEqualTo("requester");
            assertThat(ticket.getString("impact")).isEqualTo("medium");
            assertThat(ticket.getList("attachments.fileName")).containsExactly(file.getFileName().toString());

            // Resolved by the desk: the requester rates it, and the agent's page shows the rating live.
            asDemo("agent").body(Map.of("group", "Service Desk", "assignee", "agent", "status", "in_progress"))
                    .patch("/api/tickets/" + key).then().statusCode(200);
            asDemo("agent").body(Map.of("status", "resolved", "resolution", ko ? "용지함을 정리했습니다" : "Cleared the tray"))
                    .patch("/api/tickets/" + key).then().statusCode(200);
            requester.open("#/tickets/" + key);
            requester.waitFor(By.id("reopen-until"));
            requester.click(By.cssSelector("label[for='rate-4']"));
            requester.find(By.id("rate-comment")).sendKeys(ko ? "빨리 해결됐어요" : "Quick fix");
            requester.click(By.id("rate-submit"));
            requester.waitFor(By.id("ticket-rating"));
            assertThat(requester.findAll(By.id("rate-form"))).as("rated once").isEmpty();
            agentBrowser.waitUntil(d -> !agentBrowser.findAll(By.cssSelector("#ticket-rating li[data-score='4']")).isEmpty(),
                    "the rating on the agent's page");
            assertThat(agentBrowser.find(By.id("ticket-rating")).getText()).contains(ko ? "5점 중 4점" : "4 of 5");
            assertThat(requester.consoleErrors()).as("requester's browser console").isEmpty();
        }
    }

    @Test
    void anAgentFilesForANewContactAndTheOrganisationPageListsThem() throws Exception {
        ConsoleIT.koreanInSeoul("agent");
        String token = ConsoleIT.token();
        String name = "한지민 " + token;
        Path file = Files.createTempFile("call-", ".txt");
        Files.writeString(file, "통화 메모", StandardCharsets.UTF_8);
        agentBrowser.signInDemo("agent");
        agentBrowser.open("#/new");
        agentBrowser.click(By.id("new-requester-new-toggle"));
        agentBrowser.waitFor(By.id("new-requester-name")).sendKeys(name);
        agentBrowser.find(By.id("new-requester-email")).sendKeys("jimin." + token + "@hanbit.example");
        agentBrowser.find(By.id("new-requester-phone")).sendKeys("+82 2-555-0199");
        new Select(agentBrowser.find(By.id("new-requester-organisation"))).selectByVisibleText("한빛전자 (Hanbit Electronics)");
        agentBrowser.click(By.id("new-requester-new-save"));
        agentBrowser.waitFor(By.cssSelector("#new-requester-chosen .chip"));
        agentBrowser.find(By.id("new-title")).sendKeys("전화 접수: 노트북 배터리 " + token);
        agentBrowser.find(By.id("new-files")).sendKeys(file.toString());
        agentBrowser.click(By.id("new-submit"));
        String key = agentBrowser.waitFor(By.id("ticket-key")).getText();
        assertThat(agentBrowser.find(By.id("ticket-requester")).getText()).contains(name);
        agentBrowser.waitUntil(d -> agentBrowser.find(By.id("timeline")).getText().contains(file.getFileName().toString()),
                "the file filed with the ticket");

        long hanbit = asDemo("agent").get("/api/organisations?q=Hanbit").then().extract().jsonPath().getLong("items[0].id");
        agentBrowser.click(By.id("nav-organisations"));
        agentBrowser.click(By.cssSelector("#org-list a[data-org-id='" + hanbit + "']"));
        assertThat(agentBrowser.waitFor(By.id("org-name")).getText()).isEqualTo("한빛전자 (Hanbit Electronics)");
        assertThat(agentBrowser.find(By.id("org-people")).getText()).contains(name, "최유나");
        agentBrowser.waitFor(By.cssSelector("#org-tickets tr[data-key='" + key + "']"));
        agentBrowser.screenshot("organisation");

        // The queues filter by the organisation too.
        agentBrowser.open("#/tickets?queue=all&organisation=" + hanbit);
        agentBrowser.waitFor(By.cssSelector("#ticket-list tr[data-key='" + key + "']"));
        agentBrowser.waitUntil(d -> new Select(agentBrowser.find(By.id("filter-organisation"))).getFirstSelectedOption()
                .getText().equals("한빛전자 (Hanbit Electronics)"), "the organisation filter shows its name");
        JsonPath listed = asDemo("agent").queryParam("organisation", hanbit).queryParam("size", 100).get("/api/tickets")
                .then().extract().jsonPath();
        assertThat(agentBrowser.findAll(By.cssSelector("#ticket-list tr[data-key]")).size())
                .isEqualTo(Math.min(25, listed.getInt("total")));
    }
}
