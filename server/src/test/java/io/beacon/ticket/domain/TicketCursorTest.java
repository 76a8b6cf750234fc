package io.beacon.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beacon.platform.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

class TicketCursorTest {
    private static final TicketSort BY_ACTIVITY = TicketSort.parse("-updatedAt");

    @Test
    void aCursorComesBackAsItWasSentForTheSameSort() {
        TicketCursor cursor = new TicketCursor(TicketSort.Field.UPDATED_AT, "2026-12-06T21:00:00.123456Z", 4711);
        String token = cursor.encode();
        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(TicketCursor.decode(token, BY_ACTIVITY)).isEqualTo(cursor);
    }

    @Test
    void aTitleWithLineBreaksAndHangulSurvives() {
        TicketCursor cursor = new TicketCursor(TicketSort.Field.TITLE, "메일서버장애\n두 번째 줄", 12);
        assertThat(TicketCursor.decode(cursor.encode(), TicketSort.parse("title"))).isEqualTo(cursor);
    }

    @Test
    void aCursorOfAnotherSortOrGarbageIsABadRequest() {
        String byActivity = new TicketCursor(TicketSort.Field.UPDATED_AT, "2026-12-06T21:00:00Z", 1).encode();
        assertThatThrownBy(() -> TicketCursor.decode(byActivity, TicketSort.parse("priority")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("after");
        assertThatThrownBy(() -> TicketCursor.decode("!!not base64!!", BY_ACTIVITY)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> TicketCursor.decode("dXBkYXRlZEF0CnguCg", BY_ACTIVITY)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aDueCursorSaysWhetherItsTicketHadARunningClock() {
        TicketSort byDue = TicketSort.parse("due");
        TicketCursor running = TicketCursor.afterDue(7, java.time.Instant.parse("2026-12-07T09:15:00Z"));
        TicketCursor without = TicketCursor.afterDue(8, null);
        assertThat(TicketCursor.decode(running.encode(), byDue)).isEqualTo(running);
        assertThat(TicketCursor.decode(without.encode(), TicketSort.parse("-due"))).isEqualTo(without);
        assertThat(running.withinRunningClocks()).isTrue();
        assertThat(without.withinRunningClocks()).isFalse();
        assertThatThrownBy(() -> TicketCursor.decode(running.encode(), BY_ACTIVITY)).isInstanceOf(InvalidInputException.class);
    }
}
