package io.beacon.integrations.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beacon.mail.domain.InboundAttachment;
import io.beacon.mail.domain.InboundMail;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Korean mail as Outlook, old webmail and Unix mailers send it, decoded to the exact text. */
class KoreanMailDecodingTest {
    private static final Charset CP949 = Charset.forName("x-windows-949");
    private static final MimeMailParser PARSER = new MimeMailParser(1000);

    @Test
    void theJdkAliasOfKsc5601LosesCp949SyllablesButOurMappingDoesNot() {
        byte[] ttom = {(byte) 0x8C, (byte) 0x63}; // 똠: a CP949-only syllable
        assertThat(new String(ttom, Charset.forName("ks_c_5601-1987"))).isNotEqualTo("똠");
        assertThat(KoreanCharsets.decode(ttom, "ks_c_5601-1987")).isEqualTo("똠");
        assertThat(KoreanCharsets.decode(ttom, "euc-kr")).isEqualTo("똠");
        assertThat(KoreanCharsets.decode(ttom, "\"CP949\"")).isEqualTo("똠");
        assertThat(KoreanCharsets.decode(ttom, "uhc")).isEqualTo("똠");
        assertThat(KoreanCharsets.decode("한글".getBytes(StandardCharsets.UTF_8), null)).isEqualTo("한글");
        assertThat(KoreanCharsets.decode("한글".getBytes(CP949), null)).isEqualTo("한글");
        assertThat(KoreanCharsets.decode("한글".getBytes(CP949), "x-unknown-charset")).isEqualTo("한글");
    }

    @Test
    void eucKrMailWithSubjectBodyAndFromName() throws Exception {
        byte[] mail = mail("From: =?euc-kr?B?" + b64("김철수", CP949) + "?= <kim@corp.kr>\r\n"
                + "Subject: =?EUC-KR?B?" + b64("메일서버 장애 발생", CP949) + "?=\r\n"
                + "Message-ID: <m1@corp.kr>\r\n"
                + "Content-Type: text/plain; charset=\"euc-kr\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n",
                "메일 발송이 안 됩니다.\r\n".getBytes(CP949));
        InboundMail m = PARSER.parse(mail);
        assertThat(m.subject()).isEqualTo("메일서버 장애 발생");
        assertThat(m.fromAddress()).isEqualTo("kim@corp.kr");
        assertThat(m.fromName()).isEqualTo("김철수");
        assertThat(m.text()).isEqualTo("메일 발송이 안 됩니다.\n");
        assertThat(m.messageId()).isEqualTo("m1@corp.kr");
    }

    @Test
    void outlookKsc5601MailKeepsCp949OnlySyllables() throws Exception {
        byte[] mail = mail("From: \"=?ks_c_5601-1987?B?" + b64("똠방각하", CP949) + "?=\" <ttom@corp.kr>\r\n"
                + "Subject: =?ks_c_5601-1987?B?" + b64("똠얌꿍 주문 문의", CP949) + "?=\r\n"
                + "Content-Type: text/plain; charset=\"ks_c_5601-1987\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64("똠양꿍과 뷁 쌰 확인 부탁드립니다", CP949) + "\r\n", new byte[0]);
        InboundMail m = PARSER.parse(mail);
        assertThat(m.subject()).isEqualTo("똠얌꿍 주문 문의");
        assertThat(m.fromName()).isEqualTo("똠방각하");
        assertThat(m.text()).isEqualTo("똠양꿍과 뷁 쌰 확인 부탁드립니다");
    }

    @Test
    void iso2022KrMail() throws Exception {
        Charset iso2022kr = Charset.forName("ISO-2022-KR");
        byte[] body = "프린터가 고장났습니다\r\n".getBytes(iso2022kr);
        byte[] mail = mail("From: lee@corp.kr\r\nSubject: =?ISO-2022-KR?B?" + b64("프린터 고장", iso2022kr) + "?=\r\n"
                + "Content-Type: text/plain; charset=ISO-2022-KR\r\nContent-Transfer-Encoding: 7bit\r\n\r\n", body);
        InboundMail m = PARSER.parse(mail);
        assertThat(m.subject()).isEqualTo("프린터 고장");
        assertThat(m.text().strip()).isEqualTo("프린터가 고장났습니다");
    }

    @Test
    void rfc2047WordsSplitInsideACharacterAreJoinedBeforeDecoding() {
        byte[] utf8 = "장애 보고".getBytes(StandardCharsets.UTF_8);
        String first = Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(utf8, 0, 4)); // splits 애
        String second = Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(utf8, 4, utf8.length));
        assertThat(EncodedWords.decode("=?UTF-8?B?" + first + "?=\r\n =?UTF-8?B?" + second + "?="))
                .isEqualTo("장애 보고");
        assertThat(EncodedWords.decode("RE: =?utf-8?Q?=EC=9E=A5=EC=95=A0?= [INC-7]")).isEqualTo("RE: 장애 [INC-7]");
        assertThat(EncodedWords.decode("=?euc-kr?B?" + b64("서버", CP949) + "?= =?utf-8?B?"
                + b64(" 점검", StandardCharsets.UTF_8) + "?=")).isEqualTo("서버 점검");
        assertThat(EncodedWords.decode("plain text")).isEqualTo("plain text");
    }

    @Test
    void rawEightBitHeadersAreRecovered() {
        String latin1View = new String("서버 점검".getBytes(CP949), StandardCharsets.ISO_8859_1);
        assertThat(EncodedWords.decode(latin1View)).isEqualTo("서버 점검");
        String utf8View = new String("서버 점검".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(EncodedWords.decode(utf8View)).isEqualTo("서버 점검");
    }

    @Test
    void rfc2231KoreanFileNamesWithContinuationsAndOutlookStyle() {
        assertThat(MimeParameters.get("attachment; filename*=UTF-8''%EB%B3%B4%EA%B3%A0%EC%84%9C.pdf", "filename"))
                .isEqualTo("보고서.pdf");
        String pct = percent("장애보고서_최종본.xlsx".getBytes(CP949));
        String header = "attachment;\r\n filename*0*=ks_c_5601-1987''" + pct.substring(0, 18) + ";\r\n filename*1*="
                + pct.substring(18);
        assertThat(MimeParameters.get(header, "filename")).isEqualTo("장애보고서_최종본.xlsx");
        assertThat(MimeParameters.get("attachment; filename=\"=?ks_c_5601-1987?B?" + b64("똠.txt", CP949) + "?=\"",
                "filename")).isEqualTo("똠.txt");
        assertThat(MimeParameters.get("text/plain; charset=\"euc-kr\"; format=flowed", "charset")).isEqualTo("euc-kr");
        assertThat(MimeParameters.get("attachment; filename*0=\"long\"; filename*1=\"name.txt\"", "filename"))
                .isEqualTo("longname.txt");
    }

    @Test
    void multipartWithHtmlOnlyAttachmentsAndTheLimit() throws Exception {
        String boundary = "b0undary";
        String html = "<html><head><style>p{}</style><script>alert(1)</script></head><body><p>안녕하세요</p>"
                + "<div>두 번째 <b>줄</b><br>세 번째</div><a href=\"https://x.kr/a\">링크</a></body></html>";
        byte[] small = "작은 파일".getBytes(StandardCharsets.UTF_8);
        byte[] big = new byte[1500];
        byte[] mail = mail("From: Park <park@corp.kr>\r\nSubject: test\r\nIn-Reply-To: <a@x>\r\n"
                + "References: <root@x>\r\n <a@x>\r\nAuto-Submitted: no\r\n"
                + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64(html, StandardCharsets.UTF_8) + "\r\n"
                + "--" + boundary + "\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Disposition: attachment; filename*=UTF-8''%EC%9E%91%EC%9D%80.txt\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getEncoder().encodeToString(small) + "\r\n"
                + "--" + boundary + "\r\nContent-Type: application/zip; name=\"big.zip\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getEncoder().encodeToString(big) + "\r\n"
                + "--" + boundary + "--\r\n", new byte[0]);
        InboundMail m = PARSER.parse(mail);
        assertThat(m.text()).isEqualTo("안녕하세요\n두 번째 줄\n세 번째\n링크 <https://x.kr/a>");
        assertThat(m.text()).doesNotContain("alert").doesNotContain("<p>");
        assertThat(m.attachments()).extracting(InboundAttachment::fileName).containsExactly("작은.txt", "big.zip");
        assertThat(m.attachments().get(0).content()).isEqualTo(small);
        assertThat(m.attachments().get(1).overLimit()).isTrue();
        assertThat(m.attachments().get(1).size()).isEqualTo(1500);
        assertThat(m.inReplyTo()).isEqualTo("a@x");
        assertThat(m.references()).containsExactly("root@x", "a@x");
        assertThat(m.signals().autoSubmitted()).isEqualTo("no");
        assertThat(m.fromName()).isEqualTo("Park");
    }

    @Test
    void plainTextIsPreferredOverHtmlInAlternatives() throws Exception {
        byte[] mail = ("From: a@corp.kr\r\nSubject: s\r\nContent-Type: multipart/alternative; boundary=x\r\n\r\n"
                + "--x\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n텍스트 본문\r\n"
                + "--x\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>HTML 본문</p>\r\n--x--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(PARSER.parse(mail).text()).isEqualTo("텍스트 본문");
    }

    @Test
    void bouncesAndAutoRepliesCarryTheirSignals() throws Exception {
        byte[] mail = mail("From: MAILER-DAEMON@mx.corp.kr\r\nReturn-Path: <>\r\nSubject: Undelivered\r\n"
                + "Auto-Submitted: auto-replied\r\nPrecedence: bulk\r\nX-Auto-Response-Suppress: All\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=r\r\n\r\n"
                + "--r\r\nContent-Type: text/plain\r\n\r\nDelivery failed\r\n"
                + "--r\r\nContent-Type: message/delivery-status\r\n\r\nStatus: 5.1.1\r\n"
                + "--r\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: desk@beacon.test\r\n"
                + "Message-ID: <beacon.req-1.abc@beacon.test>\r\nSubject: [REQ-1]\r\n--r--\r\n", new byte[0]);
        InboundMail m = PARSER.parse(mail);
        assertThat(m.signals().deliveryReport()).isTrue();
        assertThat(m.signals().nullReturnPath()).isTrue();
        assertThat(m.signals().autoSubmitted()).isEqualTo("auto-replied");
        assertThat(m.signals().precedence()).isEqualTo("bulk");
        assertThat(m.signals().autoResponseSuppress()).isEqualTo("All");
        assertThat(m.attachments()).isEmpty();
        assertThat(m.threadIds()).containsExactly("beacon.req-1.abc@beacon.test");
    }

    @Test
    void aMailWithoutMessageIdGetsAStableOne() throws Exception {
        byte[] mail = mail("From: a@corp.kr\r\nSubject: s\r\n\r\nbody\r\n", new byte[0]);
        assertThat(PARSER.parse(mail).messageId()).endsWith("@no-message-id.beacon")
                .isEqualTo(PARSER.parse(mail).messageId());
    }

    @Test
    void aBrokenMultipartIsUnreadable() {
        byte[] mail = mail("From: a@corp.kr\r\nSubject: s\r\nContent-Type: multipart/mixed; boundary=\"nope\"\r\n\r\n"
                + "no boundary ever comes\r\n", new byte[0]);
        assertThatThrownBy(() -> PARSER.parse(mail)).isInstanceOf(UnreadableMailException.class);
    }

    static byte[] mail(String head, byte[] tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(tail);
        return out.toByteArray();
    }

    static String b64(String text, Charset cs) {
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
