package io.beacon.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A notification keeps a short excerpt of its note and is read once. */
class NotificationTest {
    private static final Instant T0 = Instant.parse("2026-12-06T01:00:00Z");

    @Test
    void aLongNoteIsCutToWholeCharactersWithAnEllipsis() {
        assertThat(Notification.cut("가".repeat(299) + "😀😀", 300)).isEqualTo("가".repeat(299) + "…");
        // an emoji is two chars: it is left out whole rather than split
        assertThat(Notification.cut("가".repeat(298) + "😀😀", 300)).isEqualTo("가".repeat(298) + "…");
        assertThat(Notification.cut("  short  ", 300)).isEqualTo("short");
    }

    @Test
    void readingKeepsTheFirstTime() {
        Notification n = new Notification("agent2", Notification.MENTION, "agent", 1L, "INC-1", "Mail down", "@agent2 look", T0);
        assertThat(n.isRead()).isFalse();
        n.markRead(T0.plusSeconds(5));
        n.markRead(T0.plusSeconds(9));
        assertThat(n.getReadAt()).isEqualTo(T0.plusSeconds(5));
    }
}
