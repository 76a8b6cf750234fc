package io.beacon.it;

import static io.beacon.it.support.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.beacon.it.support.BeaconServer;
import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.DovecotServer;
import io.beacon.it.support.MachineLoad;
import io.beacon.it.support.Poll;
import io.beacon.it.support.TestMailServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Prints how fast mail becomes tickets and acknowledgements over the wire (IMAPS poll every
 * second, SMTPS out). A figure to watch, not a target: nothing here asserts a speed. With
 * {@code -Dbeacon.benchmark=true} also how long a full mailbox (1,000 waiting mails,
 * {@code -Dbeacon.benchmark.mails}) takes to become tickets:
 * {@code ./mvnw -o verify -Dbeacon.it.skip.mariadb=true -Dbeacon.h2.kill=false -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=MailBenchmarkIT -Dbeacon.benchmark=true}.
 */
@ExtendWith(BeaconServerExtension.class)
class MailBenchmarkIT {
    private static final int MAILS = 100;

    @Test
    void mailToTicketThroughput(TestMailServer mail) throws Exception {
        String tag = "bench" + UUID.randomUUID().toString().substring(0, 6);
        Instant start = Instant.now();
        for (int i = 0; i < MAILS; i++) {
            mail.sendToDesk(("From: user" + i + "." + tag + "@corp.kr\r\nTo: " + TestMailServer.DESK + "\r\n"
                    + "Subject: 성능 측정 " + tag + " #" + i + "\r\nMessage-ID: <" + tag + "." + i + "@corp.kr>\r\n"
                    + "Content-Type: text/plain; charset=utf-8\r\n\r\n본문 " + i + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        Instant sent = Instant.now();
        Instant deadline = sent.plus(Duration.ofMinutes(5));
        int total = 0;
        while (Instant.now().isBefore(deadline)) {
            total = asAdmin().queryParam("q", tag).queryParam("size", 1).get("/api/tickets").then().statusCode(200)
                    .extract().jsonPath().getInt("total");
            if (total >= MAILS) {
                break;
            }
            Thread.sleep(200);
        }
        Instant ticketsDone = Instant.now();
        assertThat(total).isEqualTo(MAILS);
        int acks = 0;
        while (Instant.now().isBefore(deadline)) {
            acks = 0;
            for (int i = 0; i < MAILS; i++) {
                acks += mail.mailsTo("user" + i + "." + tag + "@corp.kr").isEmpty() ? 0 : 1;
            }
            if (acks >= MAILS) {
                break;
            }
            Thread.sleep(500);
        }
        Instant acksDone = Instant.now();
        double intake = Duration.between(start, ticketsDone).toMillis() / 1000.0;
        double withAcks = Duration.between(start, acksDone).toMillis() / 1000.0;
        System.out.printf("MAIL BENCHMARK: %d mails sent over SMTP in %.1f s; all %d tickets visible after %.1f s "
                + "(%.1f mails/s incl. the 1 s poll); %d acknowledgements delivered after %.1f s (%.1f mails/s end to end)%n",
                MAILS, Duration.between(start, sent).toMillis() / 1000.0, MAILS, intake, MAILS / intake, acks, withAcks,
                acks / withAcks);
        assertThat(acks).isEqualTo(MAILS);
    }

    /**
     * A full mailbox on a real IMAP server (Debian's Dovecot) becomes tickets: 1,000 mails (or
     * {@code -Dbeacon.benchmark.mails}) put into the inbox of a Beacon started for this alone, first
     * cold (the first mails its intake ever reads), then once more warm. Progress is read from Dovecot
     * (a mail is marked read once its ticket is committed), so the watching costs Beacon nothing;
     * the tickets are then counted over the API. Acknowledgements go out over SMTP as usual.
     */
    @Test
    void waitingMailboxBecomesTickets(TestMailServer smtp) throws Exception {
        assumeTrue(Boolean.getBoolean("beacon.benchmark"), "benchmark off (-Dbeacon.benchmark=true runs it)");
        assumeTrue(DovecotServer.available(), "Debian's dovecot-imapd is not installed");
        int mails = Integer.getInteger("beacon.benchmark.mails", 1000);
        String database = System.getProperty("beacon.it.db", "h2");
        try (DovecotServer imap = DovecotServer.start(Path.of("target", "dovecot-" + UUID.randomUUID()))) {
            BeaconServer beacon = BeaconServer.on(database);
            try {
                smtp.beaconEnvironment().forEach(beacon::with);
                beacon.with("BEACON_MAIL_IMAP_URL", imap.imapUrl()).with("BEACON_DEMO_DATA", "false");
                if (System.getProperty("beacon.benchmark.jfr") != null) {
                    beacon.with("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=settings=profile,filename="
                            + System.getProperty("beacon.benchmark.jfr") + "/");
                }
                beacon.start();
                System.out.printf("MAIL BENCHMARK (%s, Dovecot): Beacon ready in %.1f s%n", database,
                        beacon.lastStartDuration().toMillis() / 1000.0);
                for (String round : List.of("cold", "warm")) {
                    fullMailbox(imap, beacon, mails, round, database);
                }
            } finally {
                beacon.close();
            }
        }
    }

    private static void fullMailbox(DovecotServer imap, BeaconServer beacon, int mails, String round, String database)
            throws Exception {
        String tag = round + UUID.randomUUID().toString().substring(0, 6);
        List<byte[]> waiting = new ArrayList<>();
        for (int i = 0; i < mails; i++) {
            waiting.add(("From: user" + i + "." + tag + "@corp.kr\r\nTo: " + TestMailServer.DESK + "\r\n"
                    + "Subject: 메일함 " + tag + " #" + i + "\r\nMessage-ID: <" + tag + "." + i + "@corp.kr>\r\n"
                    + "Content-Type: text/plain; charset=utf-8\r\n\r\n본문 " + i + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        String loadBefore = MachineLoad.now();
        Instant start = Instant.now();
        imap.append(waiting);
        double appended = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        Poll.until(imap::unread, n -> n == 0, Duration.ofMinutes(10), "the mailbox read to its end");
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        int tickets = given().baseUri(beacon.baseUrl()).port(beacon.httpPort()).auth().preemptive()
                .basic("admin", BeaconServer.ADMIN_PASSWORD).queryParam("q", tag).queryParam("size", 1)
                .get("/api/tickets").then().statusCode(200).extract().jsonPath().getInt("total");
        System.out.printf("MAIL BENCHMARK (%s, Dovecot, %s): %d mails put into the mailbox in %.1f s (one IMAP APPEND); "
                + "all read %.1f s after the first arrived (%.1f mails/s, 1 s poll), %d tickets; load before %s, after %s%n",
                database, round, mails, appended, seconds, mails / seconds, tickets, loadBefore, MachineLoad.now());
        assertThat(tickets).isEqualTo(mails);
    }
}
