package io.beacon.it;

import static io.beacon.it.support.Api.asAdmin;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.beacon.it.support.BeaconServer;
import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.Browser;
import io.beacon.it.support.TicketGrowth;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How long each main console page takes to show with 100,000 tickets in the database (issue 16's
 * closing): grows the MariaDB database by cloning tickets in SQL ({@link TicketGrowth}), rebuilds the
 * search index, then opens each page in headless Chromium, from the address bar to the page's data on
 * screen (no spinner left, its list or chart drawn). Cold: the page's first visit after the growth,
 * with the browser's cache emptied; warm: the median and the slowest of the next 7 visits (a full
 * load each time, cache kept). Off unless asked for; MariaDB round only:
 * {@code ./mvnw -B -o -ntp verify -Dbeacon.h2.kill=false -Dbeacon.it.skip.h2=true -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ConsolePageBenchmarkIT -Dfailsafe.failIfNoSpecifiedTests=false
 * -Dbeacon.benchmark=true} (tickets: {@code -Dbeacon.benchmark.tickets}, default 100,000).
 */
@ExtendWith(BeaconServerExtension.class)
class ConsolePageBenchmarkIT {
    private static final long CLONES = 1_000_000_000L;
    private static final int WARM = 7;
    /** The page is shown: no spinner left in it, and what it is for is drawn (a CSS selector). */
    private static final String READY = "const m = document.getElementById('main');"
            + " return !!m && !m.querySelector('.spinner-border') && !!document.querySelector(arguments[0])"
            + " && (arguments[1] === 0 || document.querySelectorAll('#main .chart-box:not(:empty)').length >= arguments[1]);";

    private record Page(String name, String hash, String shown, int charts) {}

    private record Row(long cold, long warmMedian, long warmSlowest, String load) {}

    @Test
    void mainPagesWithAHundredThousandTickets(BeaconServer server) throws Exception {
        assumeTrue(Boolean.getBoolean("beacon.benchmark"), "benchmark off (-Dbeacon.benchmark=true runs it)");
        assumeTrue("mariadb".equals(server.database()), "the page benchmark grows a MariaDB database");
        long target = Long.getLong("beacon.benchmark.tickets", 100_000L);
        String ticketKey;
        try (Connection c = server.mariadbConnection()) {
            Instant begin = Instant.now();
            long tickets = TicketGrowth.grow(c, target, CLONES);
            System.out.printf("%nBENCHMARK pages: grown to %,d tickets in %d s%n", tickets,
                    Duration.between(begin, Instant.now()).toSeconds());
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT ticket_key FROM ticket ORDER BY updated_at DESC, id DESC LIMIT 1 OFFSET " + (tickets / 2))) {
                rs.next();
                ticketKey = rs.getString(1);
            }
        }
        asAdmin().post("/api/search/index/rebuild").then().statusCode(202);
        Instant rebuild = Instant.now();
        while (Boolean.TRUE.equals(asAdmin().get("/api/search/index").then().extract().path("rebuilding"))) {
            Thread.sleep(1000);
        }
        System.out.printf("BENCHMARK pages: search index rebuilt in %d s%n", Duration.between(rebuild, Instant.now()).toSeconds());

        List<Page> agentPages = List.of(
                new Page("open-incident queue", "#/tickets?queue=open-incidents", "#ticket-list tbody tr", 0),
                new Page("all tickets", "#/tickets?queue=all", "#ticket-list tbody tr", 0),
                new Page("a ticket (" + ticketKey + ")", "#/tickets/" + ticketKey, "#ticket-title", 0),
                new Page("dashboard", "#/dashboard", "#main .chart-box", 8),
                new Page("change calendar", "#/changes/calendar", "#change-calendar .calendar", 0),
                new Page("CMDB list", "#/cmdb", "#ci-list tbody tr", 0),
                new Page("search q=장애", "#/tickets?queue=all&q=" + "%EC%9E%A5%EC%95%A0", "#ticket-list tbody tr", 0));
        Map<String, Row> rows = new LinkedHashMap<>();
        try (Browser agent = Browser.another(server)) {
            agent.signInDemo("agent");
            for (Page p : agentPages) {
                rows.put(p.name() + " (agent)", time(agent, p));
            }
        }
        try (Browser requester = Browser.another(server)) {
            requester.signInDemo("requester");
            Page own = new Page("requester's own tickets", "#/tickets", "#ticket-list tbody tr", 0);
            rows.put(own.name() + " (portal)", time(requester, own));
        }
        StringBuilder table = new StringBuilder(String.format(
                "%n| page | cold | warm median | warm slowest | load (1 min) |%n|---|---|---|---|---|%n"));
        rows.forEach((name, r) -> table.append(String.format("| %s | %d ms | %d ms | %d ms | %s |%n",
                name, r.cold(), r.warmMedian(), r.warmSlowest(), r.load())));
        System.out.printf("BENCHMARK pages at %,d tickets (headless Chromium, address bar to data on screen):%s%n",
                target, table);
    }

    /** Cold (cache emptied), then the median and slowest of {@link #WARM} warm visits; notes the machine's load. */
    private static Row time(Browser b, Page p) throws Exception {
        ((ChromeDriver) b.driver()).executeCdpCommand("Network.clearBrowserCache", Map.of());
        String loadBefore = uptimeLoad();
        long cold = show(b, p);
        long[] warm = new long[WARM];
        for (int i = 0; i < WARM; i++) {
            warm[i] = show(b, p);
        }
        Arrays.sort(warm);
        return new Row(cold, warm[WARM / 2], warm[WARM - 1], loadBefore + " → " + uptimeLoad());
    }

    /** From the address bar (a full load: the console's files, the session, the page's data) to the page shown. */
    private static long show(Browser b, Page p) {
        b.driver().get("about:blank");
        long t = System.nanoTime();
        b.open(p.hash());
        new WebDriverWait(b.driver(), Duration.ofSeconds(120)).pollingEvery(Duration.ofMillis(20))
                .withMessage(p.name() + " shown (" + p.shown() + ")")
                .until(d -> Boolean.TRUE.equals(b.script(READY, p.shown(), p.charts())));
        return (System.nanoTime() - t) / 1_000_000;
    }

    /** The machine's 1-minute load average, as uptime prints it. */
    private static String uptimeLoad() throws Exception {
        Process uptime = new ProcessBuilder("uptime").redirectErrorStream(true).start();
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(uptime.getInputStream(), StandardCharsets.UTF_8))) {
            r.lines().forEach(out::add);
        }
        uptime.waitFor();
        String line = String.join(" ", out);
        int at = line.indexOf("load average:");
        return at < 0 ? line : line.substring(at + "load average:".length()).split(",")[0].strip();
    }
}
