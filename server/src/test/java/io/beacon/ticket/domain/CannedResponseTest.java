package io.beacon.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beacon.platform.domain.InvalidInputException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A canned response's texts, its placeholders and the field changes it may carry. */
class CannedResponseTest {
    private static final Instant T0 = Instant.parse("2026-12-06T01:00:00Z");

    @Test
    void placeholdersAreFilledAndAnUnknownOneStaysAsWritten() {
        String text = CannedText.render("{{requester}}님, {{ key }} ({{ci}}) — {{agent}} {{nope}}",
                Map.of("requester", "박지훈", "key", "INC-7", "ci", "mail-01, web-01", "agent", "김민수"));
        assertThat(text).isEqualTo("박지훈님, INC-7 (mail-01, web-01) — 김민수 {{nope}}");
    }

    @Test
    void valuesWithDollarsAndBackslashesAreTakenLiterally() {
        assertThat(CannedText.render("{{title}}", Map.of("title", "cost $1 \\ path"))).isEqualTo("cost $1 \\ path");
    }

    @Test
    void theReadersLanguageIsPickedAndTheOtherStandsInWhenOneIsMissing() {
        CannedResponse both = new CannedResponse("Ack", null, "안녕하세요", "Hello", null, null, "admin", T0);
        assertThat(both.text("ko")).isEqualTo("안녕하세요");
        assertThat(both.text("en")).isEqualTo("Hello");
        CannedResponse koOnly = new CannedResponse("Ack", null, "안녕하세요", " ", null, null, "admin", T0);
        assertThat(koOnly.text("en")).isEqualTo("안녕하세요");
    }

    @Test
    void aResponseNeedsANameAndSomeTextAndNeverResolvesOrCloses() {
        assertThatThrownBy(() -> new CannedResponse(" ", null, "x", null, null, null, "admin", T0))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new CannedResponse("Empty", null, "", null, null, null, "admin", T0))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new CannedResponse("Done", null, "x", null, TicketStatus.RESOLVED, null, "admin", T0))
                .isInstanceOf(InvalidInputException.class);
        assertThat(new CannedResponse("Wait", null, "x", null, TicketStatus.PENDING, null, "admin", T0).getSetStatus())
                .isEqualTo(TicketStatus.PENDING);
    }

    @Test
    void aGloballyKeptResponseIsOfferedEverywhere() {
        CannedResponse global = new CannedResponse("Ack", null, "x", null, null, null, "admin", T0);
        assertThat(global.offeredFor(null, Set.of())).isTrue();
    }
}
