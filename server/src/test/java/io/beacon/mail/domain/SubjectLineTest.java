package io.beacon.mail.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubjectLineTest {

    @Test
    void findsTheKeyInBracketsAnywhereLeftmostFirst() {
        assertThat(SubjectLine.ticketKeys("Re: [INC-7] 메일서버 장애")).containsExactly("INC-7");
        assertThat(SubjectLine.ticketKeys("회신: 프린터 [req-042] 문의 [INC-3]")).containsExactly("REQ-42", "INC-3");
        assertThat(SubjectLine.ticketKeys("[ REQ - 5 ] spaced")).containsExactly("REQ-5");
    }

    @Test
    void ignoresKeysOutsideBracketsAndUnknownSeries() {
        assertThat(SubjectLine.ticketKeys("about REQ-42 without brackets")).isEmpty();
        assertThat(SubjectLine.ticketKeys("[EXT-1] [외부메일] 문의")).isEmpty();
        assertThat(SubjectLine.ticketKeys(null)).isEmpty();
    }

    @Test
    void stripsEnglishAndKoreanPrefixesRepeatedly() {
        assertThat(SubjectLine.withoutPrefixes("RE: FW: Re: 서버 점검")).isEqualTo("서버 점검");
        assertThat(SubjectLine.withoutPrefixes("회신: 답장: 전달: 답변: 요청")).isEqualTo("요청");
        assertThat(SubjectLine.withoutPrefixes("Fwd: fw: re: hello")).isEqualTo("hello");
    }

    @Test
    void stripsCountersFullWidthColonsAndGatewayTags() {
        assertThat(SubjectLine.withoutPrefixes("RE[2]: RE(3): status")).isEqualTo("status");
        assertThat(SubjectLine.withoutPrefixes("회신： 전달：문의")).isEqualTo("문의");
        assertThat(SubjectLine.withoutPrefixes("[외부메일] RE: [EXTERNAL] 보고")).isEqualTo("보고");
    }

    @Test
    void keepsWordsThatOnlyLookLikePrefixes() {
        assertThat(SubjectLine.withoutPrefixes("Report: disk full")).isEqualTo("Report: disk full");
        assertThat(SubjectLine.withoutPrefixes("Rework the plan")).isEqualTo("Rework the plan");
        assertThat(SubjectLine.withoutPrefixes("전달사항: 공지")).isEqualTo("전달사항: 공지");
    }

    @Test
    void titleDropsPrefixesAndTheKeyTagAndFallsBackWhenEmpty() {
        assertThat(SubjectLine.title("RE: [REQ-4] 노트북 교체", "x", 300)).isEqualTo("노트북 교체");
        assertThat(SubjectLine.title("  ", "(제목 없음)", 300)).isEqualTo("(제목 없음)");
        assertThat(SubjectLine.title("a".repeat(400), "x", 300)).hasSize(300);
    }
}
