package io.beacon.mail.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MailScreeningTest {
    private static final String OWN = "desk@beacon.test";

    private static InboundMail from(String address, MailSignals signals) {
        return new InboundMail("id@x", null, List.of(), address, "Kim", "subject", "body", List.of(), signals);
    }

    private static MailSignals signals(String autoSubmitted, String precedence, String suppress, String xLoop) {
        return new MailSignals(autoSubmitted, precedence, suppress, xLoop, false, false, false);
    }

    @Test
    void aPersonsMailPasses() {
        assertThat(MailScreening.screen(from("kim@corp.kr", MailSignals.NONE), OWN)).isEmpty();
        assertThat(MailScreening.screen(from("kim@corp.kr", signals("no", null, null, null)), OWN)).isEmpty();
        assertThat(MailScreening.screen(from("kim@corp.kr", signals("No (human)", null, "None", null)), OWN)).isEmpty();
    }

    @Test
    void autoSubmittedOtherThanNoIsRejected() {
        for (String value : List.of("auto-replied", "auto-generated", "auto-notified", "Auto-Replied; owner=x")) {
            assertThat(MailScreening.screen(from("kim@corp.kr", signals(value, null, null, null)), OWN))
                    .contains(RejectReason.AUTO_SUBMITTED);
        }
    }

    @Test
    void bulkListJunkAndListHeadersAreRejected() {
        for (String value : List.of("bulk", "junk", "list", " Bulk ")) {
            assertThat(MailScreening.screen(from("kim@corp.kr", signals(null, value, null, null)), OWN))
                    .contains(RejectReason.BULK);
        }
        assertThat(MailScreening.screen(from("kim@corp.kr", new MailSignals(null, null, null, null, true, false, false)),
                OWN)).contains(RejectReason.BULK);
        assertThat(MailScreening.screen(from("kim@corp.kr", signals(null, "first-class", null, null)), OWN)).isEmpty();
    }

    @Test
    void autoResponseSuppressAndXLoopAreRejected() {
        assertThat(MailScreening.screen(from("kim@corp.kr", signals(null, null, "All", null)), OWN))
                .contains(RejectReason.AUTO_RESPONSE_SUPPRESS);
        assertThat(MailScreening.screen(from("kim@corp.kr", signals(null, null, "OOF, AutoReply", null)), OWN))
                .contains(RejectReason.AUTO_RESPONSE_SUPPRESS);
        assertThat(MailScreening.screen(from("kim@corp.kr", signals(null, null, null, "yes")), OWN))
                .contains(RejectReason.LOOP);
    }

    @Test
    void bouncesDaemonsAndOwnMailAreRecognised() {
        assertThat(MailScreening.screen(from("MAILER-DAEMON@mx.corp.kr", MailSignals.NONE), OWN))
                .contains(RejectReason.BOUNCE);
        assertThat(MailScreening.screen(from("postmaster@corp.kr", MailSignals.NONE), OWN)).contains(RejectReason.BOUNCE);
        assertThat(MailScreening.screen(from("kim@corp.kr", new MailSignals(null, null, null, null, false, true, false)),
                OWN)).contains(RejectReason.BOUNCE);
        assertThat(MailScreening.screen(from("kim@corp.kr", new MailSignals(null, null, null, null, false, false, true)),
                OWN)).contains(RejectReason.BOUNCE);
        assertThat(MailScreening.screen(from("Desk@Beacon.test", MailSignals.NONE), OWN))
                .contains(RejectReason.OWN_ADDRESS);
        assertThat(MailScreening.screen(from(null, MailSignals.NONE), OWN)).contains(RejectReason.NO_SENDER);
    }

    @Test
    void neverMailsDaemonsAndNoReplyBoxes() {
        assertThat(MailScreening.neverMail("no-reply@corp.kr")).isTrue();
        assertThat(MailScreening.neverMail("mailer-daemon@corp.kr")).isTrue();
        assertThat(MailScreening.neverMail("kim@corp.kr")).isFalse();
    }
}
