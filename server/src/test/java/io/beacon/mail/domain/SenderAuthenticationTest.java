package io.beacon.mail.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 8601 Authentication-Results, as the desk's own receiving server stamps them. */
class SenderAuthenticationTest {
    private static final String ID = "mx.corp.kr";

    @Test
    void aFailingDkimSpfOrDmarcVerdictOfTheTrustedServerMarksTheMailUnverified() {
        assertThat(of("mx.corp.kr; dkim=fail (bad signature) header.d=corp.kr").summary()).isEqualTo("dkim=fail");
        assertThat(of("mx.corp.kr; spf=fail smtp.mailfrom=corp.kr").summary()).isEqualTo("spf=fail");
        assertThat(of("mx.corp.kr; spf=softfail smtp.mailfrom=corp.kr").summary()).isEqualTo("spf=softfail");
        assertThat(of("mx.corp.kr; dmarc=fail header.from=corp.kr").summary()).isEqualTo("dmarc=fail");
        assertThat(of("mx.corp.kr 1; dkim=fail header.d=corp.kr; spf=softfail smtp.mailfrom=corp.kr;\r\n"
                + "\tdmarc=fail (p=reject) header.from=corp.kr").summary()).isEqualTo("dmarc=fail dkim=fail spf=softfail");
    }

    @Test
    void passingNeutralOrMissingResultsLeaveTheMailVerified() {
        assertThat(of("mx.corp.kr; dkim=pass header.d=corp.kr; spf=pass smtp.mailfrom=corp.kr").unverified()).isFalse();
        assertThat(of("mx.corp.kr; spf=neutral smtp.mailfrom=corp.kr; dkim=none").unverified()).isFalse();
        assertThat(of("mx.corp.kr; none").unverified()).isFalse();
        // one broken signature (a list footer) beside a passing one; dmarc=pass authenticates the From domain
        assertThat(of("mx.corp.kr; dkim=fail header.d=list.org; dkim=pass header.d=corp.kr").unverified()).isFalse();
        assertThat(of("mx.corp.kr; spf=softfail smtp.mailfrom=bounce.esp.com; dmarc=pass header.from=corp.kr")
                .unverified()).isFalse();
    }

    @Test
    void onlyTheTopmostHeaderWithTheConfiguredAuthservIdCounts() {
        // Someone else's verdict, or a forged one under our id further down, is ignored.
        assertThat(SenderAuthentication.of(List.of("other.example; dkim=fail"), ID).unverified()).isFalse();
        assertThat(SenderAuthentication.of(List.of("MX.CORP.KR; dkim=pass", "mx.corp.kr; dkim=fail"), ID)
                .unverified()).isFalse();
        assertThat(SenderAuthentication.of(List.of("other.example; dkim=pass", "mx.corp.kr; dkim=fail"), ID)
                .summary()).isEqualTo("dkim=fail");
        // a look-alike id is another id
        assertThat(SenderAuthentication.of(List.of("mx.corp.kr.evil.example; dkim=fail"), ID).unverified()).isFalse();
    }

    @Test
    void withoutAConfiguredAuthservIdNothingIsEvaluated() {
        assertThat(SenderAuthentication.of(List.of("mx.corp.kr; dkim=fail"), null).unverified()).isFalse();
        assertThat(SenderAuthentication.of(List.of("mx.corp.kr; dkim=fail"), " ").unverified()).isFalse();
        assertThat(SenderAuthentication.of(List.of(), ID)).isEqualTo(SenderAuthentication.NOT_EVALUATED);
    }

    @Test
    void commentsAndQuotedStringsDoNotConfuseTheParser() {
        assertThat(of("mx.corp.kr (a; comment); (dkim=pass) dkim=fail header.b=\"ab;cd\"").summary()).isEqualTo("dkim=fail");
        assertThat(of("\"mx.corp.kr\"; dkim/1=fail").summary()).isEqualTo("dkim=fail");
        assertThat(of("mx.corp.kr; spf=pass (nested (comment; dkim=fail))").unverified()).isFalse();
        assertThat(of("").unverified()).isFalse();
    }

    private static SenderAuthentication of(String header) {
        return SenderAuthentication.of(List.of(header), ID);
    }
}
