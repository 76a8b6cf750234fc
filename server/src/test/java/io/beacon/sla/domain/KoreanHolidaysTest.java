package io.beacon.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The holidays of 2026 and 2027 as published (lunar ones and substitute holidays included). */
class KoreanHolidaysTest {
    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    @Test
    void lunarHolidaysFollowTheKoreanLunisolarCalendar() {
        assertThat(KoreanHolidays.lunar(2026, 1, 1)).isEqualTo(d(2026, 2, 17));
        assertThat(KoreanHolidays.lunar(2026, 8, 15)).isEqualTo(d(2026, 9, 25));
        assertThat(KoreanHolidays.lunar(2026, 4, 8)).isEqualTo(d(2026, 5, 24));
        assertThat(KoreanHolidays.lunar(2027, 1, 1)).isEqualTo(d(2027, 2, 7));
        assertThat(KoreanHolidays.lunar(2027, 4, 8)).isEqualTo(d(2027, 5, 13));
        assertThat(KoreanHolidays.lunar(2027, 8, 15)).isEqualTo(d(2027, 9, 15));
    }

    @Test
    void holidaysOf2026() {
        Map<LocalDate, String> h = KoreanHolidays.of(2026);
        assertThat(h.keySet()).containsExactly(
                d(2026, 1, 1),
                d(2026, 2, 16), d(2026, 2, 17), d(2026, 2, 18), // Seollal, Mon-Wed: no substitute
                d(2026, 3, 1), d(2026, 3, 2),                    // Sunday: substitute Monday
                d(2026, 5, 5),
                d(2026, 5, 24), d(2026, 5, 25),                  // Buddha's Birthday on a Sunday
                d(2026, 6, 6),                                   // Memorial Day has no substitute
                d(2026, 8, 15), d(2026, 8, 17),                  // Saturday: substitute Monday
                d(2026, 9, 24), d(2026, 9, 25), d(2026, 9, 26),  // Chuseok Thu-Sat: Saturday needs no substitute
                d(2026, 10, 3), d(2026, 10, 5),
                d(2026, 10, 9),
                d(2026, 12, 25));
        assertThat(h.get(d(2026, 3, 2))).isEqualTo("Substitute holiday (Independence Movement Day)");
    }

    @Test
    void holidaysOf2027() {
        Map<LocalDate, String> h = KoreanHolidays.of(2027);
        assertThat(h.keySet()).containsExactly(
                d(2027, 1, 1),
                d(2027, 2, 6), d(2027, 2, 7), d(2027, 2, 8), d(2027, 2, 9), // Seollal meets a Sunday: Tuesday off
                d(2027, 3, 1),
                d(2027, 5, 5),
                d(2027, 5, 13),
                d(2027, 6, 6),
                d(2027, 8, 15), d(2027, 8, 16),
                d(2027, 9, 14), d(2027, 9, 15), d(2027, 9, 16),
                d(2027, 10, 3), d(2027, 10, 4),
                d(2027, 10, 9), d(2027, 10, 11),
                d(2027, 12, 25), d(2027, 12, 27));
        assertThat(h.get(d(2027, 2, 9))).isEqualTo("Substitute holiday (Seollal)");
    }
}
