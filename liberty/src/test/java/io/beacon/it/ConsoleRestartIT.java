package io.beacon.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.it.support.BeaconServer;
import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.Browser;
import io.beacon.it.support.BrowserExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * An open console across a server restart: the live stream notices, the page asks for a new
 * sign-in by itself (the restart ended the session), and after it live updates flow again.
 */
@ExtendWith({BeaconServerExtension.class, BrowserExtension.class})
class ConsoleRestartIT {

    @Test
    void theConsoleReconnectsAfterAServerRestart(BeaconServer server, Browser browser) throws Exception {
        ConsoleIT.koreanInSeoul("agent");
        browser.signInDemo("agent");
        browser.open("#/tickets?queue=open-incidents");
        browser.waitUntil(d -> "on".equals(browser.find(By.id("live-state")).getDomAttribute("data-live")), "the live stream");

        Instant stopping = Instant.now();
        server.stop();
        System.out.printf("Beacon stopped in %d ms with a console stream open%n", Duration.between(stopping, Instant.now()).toMillis());
        browser.waitUntil(d -> !"on".equals(browser.find(By.id("live-state")).getDomAttribute("data-live")), "the page to notice");
        server.start();

        // No reload, no click: the page finds out that its session is gone and says so.
        browser.waitFor(By.id("username"));
        assertThat(browser.find(By.id("signin-notice")).getText()).isEqualTo("세션이 종료되었습니다(예: 서버 재시작). 다시 로그인하세요.");
        browser.consoleEntries(); // the refused reconnects while the server was down are expected

        browser.signInDemo("agent");
        browser.open("#/tickets?queue=open-incidents&q=restart");
        browser.waitUntil(d -> "on".equals(browser.find(By.id("live-state")).getDomAttribute("data-live")), "the stream back");
        String key = ConsoleIT.openIncident("agent2", "재시작 후 장애 restart " + ConsoleIT.token());
        browser.waitUntil(d -> !browser.findAll(By.cssSelector("#ticket-list tr[data-key='" + key + "']")).isEmpty(),
                "a live update after the restart");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
