package io.beacon.mail.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MailRulesTest {

    @Test
    void theRequestersVerifiedMailOpensCommentsReopensOrFollowsUp() {
        assertThat(decide(null, Threading.Sender.OTHER, true)).isEqualTo(Threading.Action.OPEN);
        assertThat(decide("in_progress", Threading.Sender.REQUESTER, true)).isEqualTo(Threading.Action.COMMENT);
        assertThat(decide("new", Threading.Sender.REQUESTER, true)).isEqualTo(Threading.Action.COMMENT);
        assertThat(decide("resolved", Threading.Sender.REQUESTER, true)).isEqualTo(Threading.Action.REOPEN);
        assertThat(decide("closed", Threading.Sender.REQUESTER, true)).isEqualTo(Threading.Action.FOLLOW_UP);
    }

    private static Threading.Action decide(String status, Threading.Sender sender, boolean verified) {
        return Threading.decide(status, sender, verified).action();
    }

    @Test
    void threadIdsPutInReplyToFirstThenReferencesNewestFirst() {
        InboundMail m = new InboundMail("c@x", "b@x", List.of("a@x", "b@x"), "k@x.kr", null, "s", "t", null, null);
        assertThat(m.threadIds()).containsExactly("b@x", "a@x");
    }

    @Test
    void incidentRuleMatchesSendersDomainsAndSubjects() {
        IncidentRule rule = new IncidentRule(List.of("noc@corp.kr", "@monitor.corp.kr"),
                Pattern.compile("(?i)장애|outage"));
        assertThat(rule.listedSender(mail("noc@corp.kr", "hello"))).isTrue();
        assertThat(rule.listedSender(mail("zabbix@monitor.corp.kr", "hello"))).isTrue();
        assertThat(rule.listedSender(mail("kim@corp.kr", "메일서버 장애"))).isFalse();
        assertThat(rule.subjectMatches(mail("kim@corp.kr", "메일서버 장애"))).isTrue();
        assertThat(rule.subjectMatches(mail("kim@corp.kr", "Network OUTAGE"))).isTrue();
        assertThat(rule.subjectMatches(mail("kim@corp.kr", "노트북 요청"))).isFalse();
        assertThat(IncidentRule.NONE.listedSender(mail("noc@corp.kr", "장애"))).isFalse();
        assertThat(IncidentRule.NONE.subjectMatches(mail("noc@corp.kr", "장애"))).isFalse();
    }

    @Test
    void backoffDoublesUpToTheCapAndGivesUp() {
        Backoff b = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(5), 4);
        assertThat(b.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(b.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(b.delayAfter(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(b.delayAfter(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(b.givesUpAfter(3)).isFalse();
        assertThat(b.givesUpAfter(4)).isTrue();
    }

    @Test
    void outboxMailRetriesThenFails() {
        Instant t0 = Instant.parse("2026-11-27T00:00:00Z");
        Backoff b = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), 2);
        OutboxMail m = new OutboxMail("ticket_opened", 1L, "REQ-1", "kim@corp.kr", "[REQ-1] s", "b", "id@x", null, null,
                "auto-replied", t0);
        m.failed("connection refused", b, t0);
        assertThat(m.getStatus()).isEqualTo(OutboxMail.Status.PENDING);
        assertThat(m.getNextAttemptAt()).isEqualTo(t0.plusSeconds(10));
        m.failed("connection refused", b, t0.plusSeconds(10));
        assertThat(m.getStatus()).isEqualTo(OutboxMail.Status.FAILED);
        assertThat(m.getLastError()).isEqualTo("connection refused");
        m.retryNow(t0.plusSeconds(99));
        m.sent(t0.plusSeconds(100));
        assertThat(m.getStatus()).isEqualTo(OutboxMail.Status.SENT);
        assertThat(m.getAttempts()).isEqualTo(3);
    }

    @Test
    void templatesFillKnownPlaceholdersAndShowUnknownOnes() {
        assertThat(TemplateText.render("[{{key}}] {{ title }} {{nope}}", Map.of("key", "REQ-1", "title", "$1 노트북")))
                .isEqualTo("[REQ-1] $1 노트북 {{nope}}");
        assertThat(TemplateKind.TICKET_OPENED.defaultSubject("ko")).contains("{{key}}");
        assertThat(TemplateKind.TICKET_OPENED.autoSubmitted()).isEqualTo("auto-replied");
        assertThat(TemplateKind.COMMENT_ADDED.autoSubmitted()).isEqualTo("auto-generated");
    }

    @Test
    void replyTextKeepsOnlyTheNewPart() {
        assertThat(ReplyText.newPart("네 확인했습니다.\n\n-----Original Message-----\nFrom: desk\n이전 내용"))
                .isEqualTo("네 확인했습니다.");
        assertThat(ReplyText.newPart("감사합니다\n\n-----원본 메시지-----\n보낸 사람: desk")).isEqualTo("감사합니다");
        assertThat(ReplyText.newPart("Thanks!\nOn Fri, 27 Nov 2026 at 10:00, Desk <d@x> wrote:\n> old"))
                .isEqualTo("Thanks!");
        assertThat(ReplyText.newPart("ok\n> quoted\nmore")).isEqualTo("ok\nmore");
        assertThat(ReplyText.newPart("> only a quote")).isEqualTo("> only a quote");
    }

    private static InboundMail mail(String from, String subject) {
        return new InboundMail("id@x", null, null, from, null, subject, "", null, null);
    }
}
