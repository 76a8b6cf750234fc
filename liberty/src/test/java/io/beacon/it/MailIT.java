package io.beacon.it;

import static io.beacon.it.support.Api.asAdmin;
import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.it.support.BeaconServer;
import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.TestMailServer;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole e-mail conversation over real protocols: mails sent to the desk's mailbox over SMTP,
 * polled by Beacon over IMAP, and Beacon's answers delivered to the requester's mailbox.
 */
@ExtendWith(BeaconServerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MailIT {
    private static final Charset CP949 = Charset.forName("x-windows-949");
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    @Order(1)
    void anEucKrMailWithAnAttachmentBecomesATicketAndIsAcknowledgedInTheSameThread(TestMailServer mail)
            throws Exception {
        String tag = tag();
        String requester = "kim." + tag + "@corp.kr";
        String subject = "프린터 토너 교체 요청 " + tag;
        String messageId = "<" + tag + ".1@corp.kr>";
        byte[] pdf = "%PDF-1.4 견적".getBytes(StandardCharsets.UTF_8);
        mail.sendToDesk(bytes("From: =?euc-kr?B?" + b64("김철수", CP949) + "?= <" + requester + ">\r\n"
                + "To: " + TestMailServer.DESK + "\r\nSubject: =?euc-kr?B?" + b64(subject, CP949) + "?=\r\n"
                + "Message-ID: " + messageId + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=euc-kr\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64("3층 프린터 토너가 떨어졌습니다.\r\n교체 부탁드립니다.", CP949) + "\r\n"
                + "--b1\r\nContent-Type: application/pdf\r\n"
                + "Content-Disposition: attachment; filename*=euc-kr''" + percent("견적서.pdf".getBytes(CP949)) + "\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getEncoder().encodeToString(pdf) + "\r\n"
                + "--b1--\r\n"));

        String key = awaitTicket(tag);
        JsonPath t = asAdmin().get("/api/tickets/" + key).then().statusCode(200).extract().jsonPath();
        assertThat(t.getString("title")).isEqualTo(subject);
        assertThat(t.getString("type")).isEqualTo("service_request");
        assertThat(t.getString("description")).isEqualTo("3층 프린터 토너가 떨어졌습니다.\n교체 부탁드립니다.");
        assertThat(t.getString("requester.email")).isEqualTo(requester);
        assertThat(t.getString("requester.displayName")).isEqualTo("김철수");
        assertThat(t.getList("attachments.fileName")).containsExactly("견적서.pdf");
        byte[] stored = asAdmin().get("/api/tickets/" + key + "/attachments/" + t.getLong("attachments[0].id"))
                .then().statusCode(200).extract().asByteArray();
        assertThat(stored).isEqualTo(pdf);

        MimeMessage ack = mail.awaitMail(requester, subjectContains("[" + key + "]"), WAIT);
        assertThat(ack.getHeader("In-Reply-To")[0]).isEqualTo(messageId);
        assertThat(ack.getHeader("References")[0]).contains(messageId);
        assertThat(ack.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
        assertThat(ack.getHeader("X-Auto-Response-Suppress")[0]).isEqualTo("All");
        assertThat(ack.getSubject()).contains(subject);
        assertThat((String) ack.getContent()).contains(key);

        // The acknowledgement bounces: the bounce opens nothing, but the desk sees it on the ticket.
        mail.sendToDesk(bytes("From: MAILER-DAEMON@mx.corp.kr\r\nTo: " + TestMailServer.DESK + "\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <" + tag + ".dsn@mx.corp.kr>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=r\r\n\r\n"
                + "--r\r\nContent-Type: text/plain\r\n\r\nmailbox full\r\n"
                + "--r\r\nContent-Type: message/delivery-status\r\n\r\nStatus: 5.2.2\r\n"
                + "--r\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: " + TestMailServer.DESK + "\r\n"
                + "Message-ID: " + ack.getHeader("Message-ID")[0] + "\r\n--r--\r\n"));
        awaitUntil(() -> asAdmin().get("/api/tickets/" + key).then().extract().jsonPath()
                .getList("comments.body", String.class).stream().anyMatch(b -> b.contains("Mail bounced")),
                "a note of the bounce on " + key);
        JsonPath after = asAdmin().get("/api/tickets/" + key).then().extract().jsonPath();
        assertThat(after.getList("comments.internal")).containsOnly(true);
    }

    @Test
    @Order(2)
    void outlookKsc5601AndIso2022KrMailsKeepTheirExactKoreanSubjects(TestMailServer mail) throws Exception {
        String tag = tag();
        String outlook = "똠얌꿍 식당 예약 시스템 오류 " + tag; // 똠 exists only in CP949, not in EUC-KR
        mail.sendToDesk(bytes("From: \"=?ks_c_5601-1987?B?" + b64("똠방각하", CP949) + "?=\" <ttom." + tag
                + "@corp.kr>\r\nTo: " + TestMailServer.DESK + "\r\nSubject: =?ks_c_5601-1987?B?" + b64(outlook, CP949)
                + "?=\r\nMessage-ID: <" + tag + ".ks@corp.kr>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=\"ks_c_5601-1987\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64("뷁 똠 쌰 - 확인 부탁드립니다", CP949) + "\r\n"));
        Charset iso2022kr = Charset.forName("ISO-2022-KR");
        String unix = "메일 수신 지연 " + tag;
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes(("From: lee." + tag + "@corp.kr\r\nTo: " + TestMailServer.DESK + "\r\nSubject: =?ISO-2022-KR?B?"
                + b64(unix, iso2022kr) + "?=\r\nMessage-ID: <" + tag + ".iso@corp.kr>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=ISO-2022-KR\r\nContent-Transfer-Encoding: 7bit\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        raw.writeBytes("수신이 한 시간 늦습니다\r\n".getBytes(iso2022kr));
        mail.sendToDesk(raw.toByteArray());

        JsonPath a = asAdmin().get("/api/tickets/" + awaitTicket("똠얌꿍 식당 예약 시스템 오류 " + tag)).then()
                .extract().jsonPath();
        assertThat(a.getString("title")).isEqualTo(outlook);
        assertThat(a.getString("description")).isEqualTo("뷁 똠 쌰 - 확인 부탁드립니다");
        assertThat(a.getString("requester.displayName")).isEqualTo("똠방각하");
        JsonPath b = asAdmin().get("/api/tickets/" + awaitTicket("메일 수신 지연 " + tag)).then().extract().jsonPath();
        assertThat(b.getString("title")).isEqualTo(unix);
        assertThat(b.getString("description")).isEqualTo("수신이 한 시간 늦습니다");
    }

    @Test
    @Order(3)
    void repliesBecomeCommentsByKeyOrByThreadAndAResolvedTicketReopens(TestMailServer mail) throws Exception {
        String tag = tag();
        String requester = "park." + tag + "@corp.kr";
        mail.sendToDesk(utf8("From: Park <" + requester + ">\r\nTo: " + TestMailServer.DESK
                + "\r\nSubject: VPN 접속 불가 " + tag + "\r\nMessage-ID: <" + tag + ".q@corp.kr>\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nVPN이 안 됩니다\r\n"));
        String key = awaitTicket(tag);
        MimeMessage ack = mail.awaitMail(requester, subjectContains("[" + key + "]"), WAIT);
        String ackId = ack.getHeader("Message-ID")[0];

        // 1. By the key in the subject, Korean Outlook prefix, quoted history cut off.
        mail.sendToDesk(utf8("From: " + requester + "\r\nTo: " + TestMailServer.DESK + "\r\nSubject: 회신: [" + key
                + "] VPN 접속 불가 " + tag + "\r\nMessage-ID: <" + tag + ".r1@corp.kr>\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n재부팅해도 같습니다\r\n\r\n-----Original Message-----\r\n"
                + "이전 내용\r\n"));
        awaitComment(key, "재부팅해도 같습니다");
        // 2. Only by In-Reply-To (the subject lost its key).
        mail.sendToDesk(utf8("From: " + requester + "\r\nTo: " + TestMailServer.DESK + "\r\nSubject: RE: 다른 제목 "
                + tag + "\r\nMessage-ID: <" + tag + ".r2@corp.kr>\r\nIn-Reply-To: " + ackId + "\r\n"
                + "References: <" + tag + ".q@corp.kr> " + ackId + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + "로그 첨부합니다\r\n"));
        JsonPath t = awaitComment(key, "로그 첨부합니다");
        assertThat(t.getList("comments.channel")).containsOnly("mail");
        assertThat(t.getList("comments.internal")).containsOnly(false);
        assertThat(asAdmin().queryParam("q", tag).get("/api/tickets").then().extract().jsonPath().getInt("total"))
                .isEqualTo(1);

        // 3. A reply to a resolved ticket reopens it.
        asAdmin().body(Map.of("status", "resolved", "resolution", "VPN 계정 잠금 해제")).patch("/api/tickets/" + key)
                .then().statusCode(200);
        mail.awaitMail(requester, subjectContains("[" + key + "]").and(m -> body(m).contains("VPN 계정 잠금 해제")), WAIT);
        mail.sendToDesk(utf8("From: " + requester + "\r\nTo: " + TestMailServer.DESK + "\r\nSubject: RE: [" + key
                + "] 해결되었습니다\r\nMessage-ID: <" + tag + ".r3@corp.kr>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + "아직 안 됩니다\r\n"));
        JsonPath reopened = awaitComment(key, "아직 안 됩니다");
        assertThat(reopened.getString("status")).isEqualTo("new");
    }

    @Test
    @Order(4)
    void aReplyToAClosedTicketOpensAFollowUpAndTheIncidentRuleApplies(TestMailServer mail) throws Exception {
        String tag = tag();
        String requester = "yoon." + tag + "@corp.kr";
        mail.sendToDesk(utf8("From: " + requester + "\r\nTo: " + TestMailServer.DESK + "\r\nSubject: [장애] 메일서버 다운 "
                + tag + "\r\nMessage-ID: <" + tag + ".inc@corp.kr>\r\n\r\n메일이 안 갑니다\r\n"));
        String key = awaitTicket(tag);
        assertThat(key).startsWith("INC-"); // BEACON_MAIL_INCIDENT_SUBJECT matched "[장애]"
        asAdmin().body(Map.of("status", "resolved", "resolution", "재기동")).patch("/api/tickets/" + key).then()
                .statusCode(200);
        asAdmin().body(Map.of("status", "closed")).patch("/api/tickets/" + key).then().statusCode(200);
        mail.sendToDesk(utf8("From: " + requester + "\r\nTo: " + TestMailServer.DESK + "\r\nSubject: RE: [" + key
                + "] 또 발생 " + tag + "\r\nMessage-ID: <" + tag + ".again@corp.kr>\r\n\r\n다시 안 됩니다\r\n"));
        awaitUntil(() -> ticketsMatching(tag) == 2, "a follow-up ticket");
        JsonPath list = asAdmin().queryParam("q", tag).queryParam("sort", "createdAt").get("/api/tickets").then()
                .extract().jsonPath();
        String followUp = list.getString("items[1].key");
        JsonPath f = asAdmin().get("/api/tickets/" + followUp).then().extract().jsonPath();
        assertThat(followUp).startsWith("INC-");
        assertThat(f.getString("title")).isEqualTo("또 발생 " + tag);
        assertThat(f.getString("description")).contains("Follow-up of " + key).contains("다시 안 됩니다");
        JsonPath closed = asAdmin().get("/api/tickets/" + key).then().extract().jsonPath();
        assertThat(closed.getString("status")).isEqualTo("closed");
        assertThat(closed.getList("comments.body", String.class)).anyMatch(b -> b.contains(followUp));
    }

    @Test
    @Order(5)
    void anUnreadableMailIsMovedAsideCountedAndTheMailboxFlowsOn(TestMailServer mail) throws Exception {
        String tag = tag();
        mail.sendToDesk(bytes("From: broken." + tag + "@corp.kr\r\nTo: " + TestMailServer.DESK + "\r\nSubject: broken "
                + tag + "\r\nMessage-ID: <" + tag + ".broken@corp.kr>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"never-there\"\r\n\r\nno boundary ever comes\r\n"));
        mail.sendToDesk(utf8("From: after." + tag + "@corp.kr\r\nTo: " + TestMailServer.DESK + "\r\nSubject: after "
                + tag + "\r\nMessage-ID: <" + tag + ".after@corp.kr>\r\n\r\nstill flowing\r\n"));
        awaitTicket("after " + tag);
        assertThat(ticketsMatching(tag)).isEqualTo(1);
        awaitUntil(() -> {
            try {
                return mail.subjectsInDeskFolder("Beacon-Unparsable").contains("broken " + tag);
            } catch (Exception e) {
                return false;
            }
        }, "the unreadable mail in the Beacon-Unparsable folder");
        String metrics = io.beacon.it.support.Metrics.scrape();
        assertThat(metrics).containsPattern("beacon_mail_rejected_total\\{[^}]*reason=\"unparsable\"");
    }

    @Test
    @Order(6)
    void autoRepliesBouncesAndBulkMailOpenNothingAndGetNoAnswer(TestMailServer mail) throws Exception {
        String tag = tag();
        String sender = "away." + tag + "@corp.kr";
        mail.sendToDesk(utf8("From: " + sender + "\r\nTo: " + TestMailServer.DESK + "\r\nSubject: 부재중 자동응답 " + tag
                + "\r\nAuto-Submitted: auto-replied\r\nMessage-ID: <" + tag + ".auto@corp.kr>\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n휴가 중입니다\r\n"));
        mail.sendToDesk(utf8("From: news." + tag + "@corp.kr\r\nTo: " + TestMailServer.DESK + "\r\nSubject: 뉴스레터 " + tag
                + "\r\nPrecedence: bulk\r\nMessage-ID: <" + tag + ".bulk@corp.kr>\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n광고\r\n"));
        mail.sendToDesk(utf8("From: MAILER-DAEMON@mx.corp.kr\r\nTo: " + TestMailServer.DESK
                + "\r\nSubject: Undelivered Mail " + tag + "\r\nMessage-ID: <" + tag + ".dsn@corp.kr>\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nDelivery failed\r\n"));
        // A person's mail sent after them: once it is a ticket, the three before it were polled too.
        mail.sendToDesk(utf8("From: marker." + tag + "@corp.kr\r\nTo: " + TestMailServer.DESK + "\r\nSubject: marker "
                + tag + "\r\nMessage-ID: <" + tag + ".marker@corp.kr>\r\n\r\nhello\r\n"));
        awaitTicket("marker " + tag);
        assertThat(asAdmin().queryParam("q", tag).get("/api/tickets").then().extract().jsonPath().getInt("total"))
                .isEqualTo(1);
        Thread.sleep(3000); // several outbox rounds: nothing may go to the auto-replier
        assertThat(mail.mailsTo(sender)).isEmpty();
        String metrics = io.beacon.it.support.Metrics.scrape();
        assertThat(metrics).containsPattern("beacon_mail_rejected_total\\{[^}]*reason=\"auto_submitted\"")
                .containsPattern("beacon_mail_rejected_total\\{[^}]*reason=\"bulk\"")
                .containsPattern("beacon_mail_rejected_total\\{[^}]*reason=\"bounce\"")
                .contains("beacon_mail_tickets_opened_total");
    }

    @Test
    @Order(7)
    void anAgentsPublicCommentIsMailedAnInternalNoteIsNot(TestMailServer mail) throws Exception {
        String tag = tag();
        String requester = "choi." + tag + "@corp.kr";
        mail.sendToDesk(utf8("From: " + requester + "\r\nTo: " + TestMailServer.DESK + "\r\nSubject: 모니터 고장 " + tag
                + "\r\nMessage-ID: <" + tag + ".m@corp.kr>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n화면이 꺼집니다\r\n"));
        String key = awaitTicket(tag);
        mail.awaitMail(requester, subjectContains("[" + key + "]"), WAIT);
        asDemo("agent").body(Map.of("body", "내부 메모 " + tag + " 고객에게 보이면 안 됨", "internal", true))
                .post("/api/tickets/" + key + "/comments").then().statusCode(201);
        asDemo("agent").body(Map.of("body", "새 모니터를 보내드렸습니다 " + tag))
                .post("/api/tickets/" + key + "/comments").then().statusCode(201);
        MimeMessage reply = mail.awaitMail(requester, m -> body(m).contains("새 모니터를 보내드렸습니다 " + tag), WAIT);
        assertThat(reply.getSubject()).contains("[" + key + "]");
        assertThat(reply.getHeader("In-Reply-To")).isNotNull();
        assertThat(reply.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
        assertThat(mail.mailsTo(requester)).noneMatch(m -> body(m).contains("내부 메모"));
        assertThat(mail.mailsTo(requester)).hasSize(2); // the acknowledgement and the public comment
    }

    @Test
    @Order(8)
    void theOutboxRetriesWhileTheMailServerIsDownAndDeliversAfterwards(TestMailServer mail) throws Exception {
        String tag = tag();
        String requester = "jung." + tag + "@corp.kr";
        mail.sendToDesk(utf8("From: " + requester + "\r\nTo: " + TestMailServer.DESK + "\r\nSubject: 키보드 " + tag
                + "\r\nMessage-ID: <" + tag + ".k@corp.kr>\r\n\r\nkeyboard\r\n"));
        String key = awaitTicket(tag);
        mail.awaitMail(requester, subjectContains("[" + key + "]"), WAIT);
        mail.stop();
        try {
            asDemo("agent").body(Map.of("body", "재시도 확인 " + tag)).post("/api/tickets/" + key + "/comments")
                    .then().statusCode(201);
            awaitUntil(() -> {
                JsonPath o = asAdmin().queryParam("status", "pending").get("/api/mail/outbox").then().statusCode(200)
                        .extract().jsonPath();
                List<Map<String, Object>> items = o.getList("items");
                return items.stream().anyMatch(i -> key.equals(i.get("ticketKey"))
                        && ((Number) i.get("attempts")).intValue() >= 1 && i.get("lastError") != null);
            }, "a pending outbox mail for " + key + " with a failed attempt");
        } finally {
            mail.start();
        }
        mail.awaitMail(requester, m -> body(m).contains("재시도 확인 " + tag), WAIT);
        awaitUntil(() -> asAdmin().get("/api/mail/outbox").then().extract().jsonPath().getList("items",
                Map.class).stream().anyMatch(i -> key.equals(i.get("ticketKey")) && "sent".equals(i.get("status"))
                && ((Number) i.get("attempts")).intValue() >= 2), "the mail marked sent after retries");
        asDemo("agent").get("/api/mail/outbox").then().statusCode(403);
    }

    @Test
    @Order(9)
    void aRestartInTheMiddleOfAMailboxNeitherDuplicatesNorLosesMail(TestMailServer mail, BeaconServer server)
            throws Exception {
        String tag = tag();
        int count = 8;
        for (int i = 0; i < count; i++) {
            mail.sendToDesk(utf8("From: batch." + tag + "@corp.kr\r\nTo: " + TestMailServer.DESK + "\r\nSubject: 일괄 "
                    + tag + " 번호" + i + "\r\nMessage-ID: <" + tag + "." + i + "@corp.kr>\r\n\r\nmail " + i + "\r\n"));
        }
        awaitTicket("일괄 " + tag);
        // An operator's restart (SIGTERM) while the mailbox is being worked through. (Exactly-once across a
        // kill -9 rests on the database keeping what it committed: DurabilityIT, EmbeddedH2KillNineTest.)
        server.stop();
        server.start();
        awaitUntil(() -> ticketsMatching(tag) >= count, count + " tickets");
        Thread.sleep(3000); // more polls: nothing may come twice
        JsonPath all = asAdmin().queryParam("q", tag).queryParam("size", 100).get("/api/tickets").then().extract()
                .jsonPath();
        assertThat(all.getInt("total")).isEqualTo(count);
        assertThat(all.getList("title", String.class)).doesNotHaveDuplicates();
    }

    @Test
    @Order(10)
    void administratorsEditTheTemplatesPerLanguage() {
        // five kinds (opened, comment, resolved, SLA escalation, mention) in two languages
        asAdmin().get("/api/mail/templates").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(10))
                .body("items.name", org.hamcrest.Matchers.hasItem("mentioned"));
        asAdmin().body(Map.of("subject", "[{{key}}] 잘 받았습니다 - {{title}}", "body", "{{requester}}님 감사합니다"))
                .put("/api/mail/templates/ticket_opened/ko").then().statusCode(200)
                .body("custom", org.hamcrest.Matchers.equalTo(true));
        asAdmin().get("/api/mail/templates/ticket_opened/ko").then().statusCode(200)
                .body("subject", org.hamcrest.Matchers.equalTo("[{{key}}] 잘 받았습니다 - {{title}}"));
        asAdmin().delete("/api/mail/templates/ticket_opened/ko").then().statusCode(200)
                .body("custom", org.hamcrest.Matchers.equalTo(false));
        asAdmin().body(Map.of("subject", "x", "body", "y")).put("/api/mail/templates/ticket_opened/fr").then()
                .statusCode(422);
        asDemo("agent").get("/api/mail/templates").then().statusCode(403);
    }

    @Test
    @Order(11)
    void aForgedMailFromAnAgentsAddressBecomesAnInternalNoteAndNothingIsMailedToTheRequester(TestMailServer mail)
            throws Exception {
        String tag = tag();
        String requester = "han." + tag + "@corp.kr";
        String key = openByMail(mail, requester, "프로젝터 고장 " + tag);
        mail.awaitMail(requester, subjectContains("[" + key + "]"), WAIT);

        // Anyone can write the agent's address into From; the mail is not the desk's word.
        mail.sendToDesk(utf8("From: 김민수 <agent@beacon.example>\r\nTo: " + TestMailServer.DESK + "\r\nSubject: RE: ["
                + key + "] 조치 완료\r\nMessage-ID: <" + tag + ".forged@evil.example>\r\n\r\n"
                + "비밀번호를 이 링크에서 다시 입력하세요 " + tag + "\r\n"));
        Map<String, Object> note = awaitCommentContaining(key, "비밀번호를 이 링크에서");
        assertThat(note.get("internal")).isEqualTo(true);
        assertThat(note.get("author")).isEqualTo("system");
        assertThat((String) note.get("body")).startsWith("From agent@beacon.example:");
        assertThat(asAdmin().get("/api/tickets/" + key).then().extract().jsonPath().getString("status")).isEqualTo("new");

        Thread.sleep(3000); // several outbox rounds: nothing of it may reach the requester
        assertThat(mail.mailsTo(requester)).hasSize(1) // the acknowledgement only
                .noneMatch(m -> body(m).contains("비밀번호"));
        assertThat(io.beacon.it.support.Metrics.scrape()).containsPattern("beacon_mail_downgraded_total\\{[^}]*reason=\"desk_address\"");
    }

    @Test
    @Order(12)
    void aStrangerCannotReopenAResolvedTicketTheRequesterCan(TestMailServer mail) throws Exception {
        String tag = tag();
        String requester = "seo." + tag + "@corp.kr";
        String key = openByMail(mail, requester, "공유 폴더 권한 " + tag);
        asAdmin().body(Map.of("status", "resolved", "resolution", "권한 부여")).patch("/api/tickets/" + key).then()
                .statusCode(200);

        mail.sendToDesk(utf8("From: stranger." + tag + "@elsewhere.example\r\nTo: " + TestMailServer.DESK
                + "\r\nSubject: RE: [" + key + "] 다시 열어 주세요\r\nMessage-ID: <" + tag + ".s@elsewhere.example>\r\n\r\n"
                + "남이 다시 엽니다 " + tag + "\r\n"));
        Map<String, Object> note = awaitCommentContaining(key, "남이 다시 엽니다");
        assertThat(note.get("internal")).isEqualTo(true);
        assertThat(asAdmin().get("/api/tickets/" + key).then().extract().jsonPath().getString("status"))
                .isEqualTo("resolved");

        mail.sendToDesk(utf8("From: " + requester + "\r\nTo: " + TestMailServer.DESK + "\r\nSubject: RE: [" + key
                + "] 아직 안 됩니다\r\nMessage-ID: <" + tag + ".r@corp.kr>\r\n\r\n본인이 다시 엽니다 " + tag + "\r\n"));
        Map<String, Object> reply = awaitCommentContaining(key, "본인이 다시 엽니다");
        assertThat(reply.get("internal")).isEqualTo(false);
        assertThat(asAdmin().get("/api/tickets/" + key).then().extract().jsonPath().getString("status")).isEqualTo("new");
        assertThat(io.beacon.it.support.Metrics.scrape()).containsPattern("beacon_mail_downgraded_total\\{[^}]*reason=\"not_a_party\"");
    }

    @Test
    @Order(13)
    void aStrangersAttachmentStaysInternalAndTheRequesterNeverSeesIt(TestMailServer mail) throws Exception {
        String tag = tag();
        // The demo requester has a login: their own view of the ticket is what is checked.
        String key = openByMail(mail, "requester@beacon.example", "노트북 배터리 " + tag);
        mail.sendToDesk(bytes("From: outsider." + tag + "@elsewhere.example\r\nTo: " + TestMailServer.DESK
                + "\r\nSubject: RE: [" + key + "] invoice\r\nMessage-ID: <" + tag + ".att@elsewhere.example>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nsee the file " + tag + "\r\n"
                + "--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"payload-"
                + tag + ".bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getEncoder().encodeToString("not for the requester".getBytes(StandardCharsets.UTF_8))
                + "\r\n--b--\r\n"));
        awaitCommentContaining(key, "see the file " + tag);
        JsonPath desk = asAdmin().get("/api/tickets/" + key).then().extract().jsonPath();
        assertThat(desk.getList("attachments.fileName")).containsExactly("payload-" + tag + ".bin");
        assertThat(desk.getList("attachments.internal")).containsExactly(true);
        long attachmentId = desk.getLong("attachments[0].id");

        JsonPath own = asDemo("requester").get("/api/tickets/" + key).then().statusCode(200).extract().jsonPath();
        assertThat(own.getList("attachments")).isEmpty();
        assertThat(own.getList("comments.body", String.class)).noneMatch(b -> b.contains(tag));
        assertThat(own.getList("history.newValue", String.class)).noneMatch(v -> v != null && v.contains("payload"));
        asDemo("requester").get("/api/tickets/" + key + "/attachments/" + attachmentId).then().statusCode(404);
        asAdmin().get("/api/tickets/" + key + "/attachments/" + attachmentId).then().statusCode(200);
    }

    @Test
    @Order(14)
    void aFailedDkimVerdictOfTheConfiguredServerMarksTheMailUnverifiedAnotherServersIsIgnored(TestMailServer mail)
            throws Exception {
        String tag = tag();
        String requester = "oh." + tag + "@corp.kr";
        String key = openByMail(mail, requester, "메일 용량 증설 " + tag);

        mail.sendToDesk(utf8("Authentication-Results: " + TestMailServer.AUTHSERV_ID + ";\r\n\tdkim=fail (signature did not"
                + " verify) header.d=corp.kr; spf=pass smtp.mailfrom=corp.kr\r\nFrom: " + requester + "\r\nTo: "
                + TestMailServer.DESK + "\r\nSubject: RE: [" + key + "] 용량\r\nMessage-ID: <" + tag + ".dkim@corp.kr>\r\n\r\n"
                + "위조일 수 있는 답장 " + tag + "\r\n"));
        Map<String, Object> unverified = awaitCommentContaining(key, "위조일 수 있는 답장");
        assertThat(unverified.get("unverified")).isEqualTo(true);
        assertThat(unverified.get("unverifiedBy")).isEqualTo("dkim=fail");
        assertThat(unverified.get("internal")).isEqualTo(true); // no requester powers for an unverified mail

        // The same verdict under another server's id: anyone can write that header, so it counts for nothing.
        mail.sendToDesk(utf8("Authentication-Results: mx.elsewhere.example; dkim=fail header.d=corp.kr\r\nFrom: "
                + requester + "\r\nTo: " + TestMailServer.DESK + "\r\nSubject: RE: [" + key + "] 용량\r\nMessage-ID: <"
                + tag + ".other@corp.kr>\r\n\r\n평범한 답장 " + tag + "\r\n"));
        Map<String, Object> plain = awaitCommentContaining(key, "평범한 답장");
        assertThat(plain.get("unverified")).isEqualTo(false);
        assertThat(plain.get("internal")).isEqualTo(false);
        assertThat(io.beacon.it.support.Metrics.scrape()).containsPattern("beacon_mail_downgraded_total\\{[^}]*reason=\"unverified\"")
                .containsPattern("beacon_mail_unverified_total");

        // A new mail that fails opens its ticket all the same, and the desk sees the mark on it.
        String subject = "새 요청 위조 의심 " + tag;
        mail.sendToDesk(utf8("Authentication-Results: " + TestMailServer.AUTHSERV_ID + "; spf=softfail"
                + " smtp.mailfrom=corp.kr; dkim=none\r\nFrom: " + requester + "\r\nTo: " + TestMailServer.DESK
                + "\r\nSubject: " + subject + "\r\nMessage-ID: <" + tag + ".new@corp.kr>\r\n\r\n새 요청\r\n"));
        Map<String, Object> mark = awaitCommentContaining(awaitTicket(subject), "Sender not verified");
        assertThat(mark.get("unverified")).isEqualTo(true);
        assertThat(mark.get("unverifiedBy")).isEqualTo("spf=softfail");
        assertThat(mark.get("internal")).isEqualTo(true);
    }

    @Test
    @Order(15)
    void theDeskAddsParticipantsWhoseMailIsPublicButOnlyTheRequesterReopens(TestMailServer mail) throws Exception {
        String tag = tag();
        String requester = "kang." + tag + "@corp.kr";
        String colleague = "ryu." + tag + "@corp.kr";
        String key = openByMail(mail, requester, "회의실 예약 " + tag);
        mail.awaitMail(requester, subjectContains("[" + key + "]"), WAIT);

        String path = "/api/tickets/" + key + "/participants";
        asAdmin().body(Map.of("email", colleague.toUpperCase(java.util.Locale.ROOT))).post(path).then().statusCode(201)
                .body("items", org.hamcrest.Matchers.contains(colleague));
        asAdmin().body(Map.of("email", colleague)).post(path).then().statusCode(409);
        asAdmin().body(Map.of("email", "no address")).post(path).then().statusCode(422);
        asAdmin().body(Map.of("email", requester)).post(path).then().statusCode(422);
        asAdmin().body(Map.of("mail", colleague)).post(path).then().statusCode(422);
        asDemo("requester").body(Map.of("email", "x." + tag + "@corp.kr")).post(path).then().statusCode(403);
        asDemo("agent").body(Map.of("email", "gone." + tag + "@corp.kr")).post(path).then().statusCode(201);
        asDemo("agent").delete(path + "/gone." + tag + "@corp.kr").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.contains(colleague));
        asDemo("agent").delete(path + "/gone." + tag + "@corp.kr").then().statusCode(404);
        assertThat(asAdmin().get("/api/tickets/" + key).then().extract().jsonPath().getList("participants"))
                .containsExactly(colleague);

        mail.sendToDesk(utf8("From: " + colleague + "\r\nTo: " + TestMailServer.DESK + "\r\nSubject: RE: [" + key
                + "] 회의실\r\nMessage-ID: <" + tag + ".p1@corp.kr>\r\n\r\n동료가 보탭니다 " + tag + "\r\n"));
        Map<String, Object> c = awaitCommentContaining(key, "동료가 보탭니다");
        assertThat(c.get("internal")).isEqualTo(false);
        mail.awaitMail(requester, m -> body(m).contains("동료가 보탭니다"), WAIT); // the requester hears of it
        // A participant is the requester's side: their mail is no first response of the desk; an agent's comment is.
        assertThat(asAdmin().get("/api/tickets/" + key).then().extract().jsonPath().getString("sla.responseMet"))
                .isNull();
        asDemo("agent").body(Map.of("body", "확인했습니다 " + tag)).post("/api/tickets/" + key + "/comments").then()
                .statusCode(201);
        assertThat(asAdmin().get("/api/tickets/" + key).then().extract().jsonPath().getBoolean("sla.responseMet"))
                .isTrue();

        asAdmin().body(Map.of("status", "resolved", "resolution", "예약 완료")).patch("/api/tickets/" + key).then()
                .statusCode(200);
        mail.sendToDesk(utf8("From: " + colleague + "\r\nTo: " + TestMailServer.DESK + "\r\nSubject: RE: [" + key
                + "] 회의실\r\nMessage-ID: <" + tag + ".p2@corp.kr>\r\n\r\n동료가 다시 엽니다 " + tag + "\r\n"));
        assertThat(awaitCommentContaining(key, "동료가 다시 엽니다").get("internal")).isEqualTo(true);
        assertThat(asAdmin().get("/api/tickets/" + key).then().extract().jsonPath().getString("status"))
                .isEqualTo("resolved");
    }

    // --- helpers

    /** Opens a ticket by a plain mail from {@code from} and returns its key. */
    private static String openByMail(TestMailServer mail, String from, String subject) throws Exception {
        mail.sendToDesk(utf8("From: " + from + "\r\nTo: " + TestMailServer.DESK + "\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + UUID.randomUUID() + "@corp.kr>\r\n\r\n" + subject + "\r\n"));
        return awaitTicket(subject);
    }

    /** The one comment on the ticket (as the desk sees it) whose body contains {@code text}. */
    private static Map<String, Object> awaitCommentContaining(String key, String text) throws InterruptedException {
        Instant end = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(end)) {
            List<Map<String, Object>> comments = asAdmin().get("/api/tickets/" + key).then().statusCode(200).extract()
                    .jsonPath().getList("comments");
            List<Map<String, Object>> matching = comments.stream()
                    .filter(c -> String.valueOf(c.get("body")).contains(text)).toList();
            if (!matching.isEmpty()) {
                assertThat(matching).hasSize(1);
                return matching.get(0);
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no comment containing '" + text + "' on " + key + " within " + WAIT);
    }

    private static String tag() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String awaitTicket(String q) throws InterruptedException {
        Instant end = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(end)) {
            JsonPath list = asAdmin().queryParam("q", q).get("/api/tickets").then().statusCode(200).extract().jsonPath();
            if (list.getInt("total") > 0) {
                return list.getString("items[0].key");
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no ticket matching '" + q + "' within " + WAIT);
    }

    private static int ticketsMatching(String q) {
        int total = asAdmin().queryParam("q", q).get("/api/tickets").then().statusCode(200).extract().jsonPath()
                .getInt("total");
        System.out.println(Instant.now() + " tickets matching " + q + ": " + total);
        return total;
    }

    private static JsonPath awaitComment(String key, String text) throws InterruptedException {
        Instant end = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(end)) {
            JsonPath t = asAdmin().get("/api/tickets/" + key).then().statusCode(200).extract().jsonPath();
            if (t.getList("comments.body", String.class).stream().anyMatch(b -> b.contains(text))) {
                List<String> bodies = t.getList("comments.body", String.class);
                assertThat(bodies.stream().filter(b -> b.contains(text))).singleElement().isEqualTo(text);
                return t;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no comment '" + text + "' on " + key + " within " + WAIT);
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        Instant end = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(end)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("not reached within " + WAIT + ": " + what);
    }

    private static Predicate<MimeMessage> subjectContains(String s) {
        return m -> {
            try {
                return m.getSubject() != null && m.getSubject().contains(s);
            } catch (Exception e) {
                return false;
            }
        };
    }

    private static String body(MimeMessage m) {
        try {
            return String.valueOf(m.getContent());
        } catch (Exception e) {
            return "";
        }
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] utf8(String text) {
        String withMime = text.contains("Content-Type") ? text
                : text.replaceFirst("\r\n\r\n", "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n");
        return withMime.getBytes(StandardCharsets.UTF_8);
    }

    private static String b64(String text, Charset cs) {
        return Base64.getEncoder().encodeToString(text.getBytes(cs));
    }

    private static String percent(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%%%02X", b & 0xFF));
        }
        return sb.toString();
    }
}
