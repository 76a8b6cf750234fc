package io.beacon.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProblemMessagesTest {

    @Test
    void theReaderGetsTheFirstLanguageBeaconSpeaksElseEnglish() {
        assertThat(ProblemMessages.language(List.of(Locale.forLanguageTag("ko-KR"), Locale.ENGLISH))).isEqualTo("ko");
        assertThat(ProblemMessages.language(List.of(Locale.FRENCH, Locale.forLanguageTag("en-GB")))).isEqualTo("en");
        assertThat(ProblemMessages.language(List.of(Locale.FRENCH))).isEqualTo("en");
        assertThat(ProblemMessages.language(List.of())).isEqualTo("en");
    }

    @Test
    void aKeyIsRenderedWithItsArgumentsInEachLanguage() {
        Map<String, Object> args = Map.of("fields", "impact, urgency");
        assertThat(ProblemMessages.render("problem.ticket.deskOnlyFields", args, "ko")).get().asString()
                .startsWith("서비스 데스크만 정할 수 있는 항목입니다: impact, urgency.");
        assertThat(ProblemMessages.render("problem.ticket.deskOnlyFields", args, "en")).get().asString()
                .startsWith("Only the service desk sets impact, urgency.");
        assertThat(ProblemMessages.render("problem.no.such.key", args, "ko")).isEmpty();
    }

    @Test
    void everyKeyIsSaidInBothLanguages() throws IOException {
        assertThat(keys("messages/problems_ko.properties")).isEqualTo(keys("messages/problems.properties"));
    }

    private static java.util.Set<Object> keys(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ProblemMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p.keySet();
    }
}
