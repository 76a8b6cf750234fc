package io.beacon.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private final BusinessCalendar calendar = BusinessCalendar.working(SEOUL,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0),
            d -> KoreanHolidays.of(d.getYear()).containsKey(d));

    private static Instant seoul(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, SEOUL).toInstant();
    }

    @Test
    void addsWorkingHoursWithinADay() {
        assertThat(calendar.plus(seoul(2026, 11, 24, 10, 0), Duration.ofHours(4))).isEqualTo(seoul(2026, 11, 24, 14, 0));
    }

    @Test
    void carriesOverTheNightAndTheWeekend() {
        // Friday 16:00 + 4 h: 2 h on Friday, 2 h on Monday.
        assertThat(calendar.plus(seoul(2026, 11, 27, 16, 0), Duration.ofHours(4))).isEqualTo(seoul(2026, 11, 30, 11, 0));
    }

    @Test
    void startsAtOpeningWhenOpenedOutsideHours() {
        assertThat(calendar.plus(seoul(2026, 11, 24, 22, 30), Duration.ofMinutes(15))).isEqualTo(seoul(2026, 11, 25, 9, 15));
    }

    @Test
    void skipsChuseokAndItsWeekend() {
        // Wednesday 2026-09-23 17:00 + 2 h: 1 h that day, then Chuseok Thu-Sat and Sunday: Monday 10:00.
        assertThat(calendar.plus(seoul(2026, 9, 23, 17, 0), Duration.ofHours(2))).isEqualTo(seoul(2026, 9, 28, 10, 0));
    }

    @Test
    void skipsSeollalWithItsSubstituteHoliday() {
        // Friday 2027-02-05 17:00 + 2 h: Seollal Sat-Mon and the substitute Tuesday: Wednesday 10:00.
        assertThat(calendar.plus(seoul(2027, 2, 5, 17, 0), Duration.ofHours(2))).isEqualTo(seoul(2027, 2, 10, 10, 0));
    }

    @Test
    void measuresWorkingTimeBetweenInstants() {
        assertThat(calendar.between(seoul(2026, 11, 27, 16, 0), seoul(2026, 11, 30, 11, 0))).isEqualTo(Duration.ofHours(4));
        assertThat(calendar.between(seoul(2026, 11, 28, 10, 0), seoul(2026, 11, 29, 10, 0))).isEqualTo(Duration.ZERO);
    }

    @Test
    void allHoursCountsNightsAndHolidays() {
        BusinessCalendar p1 = BusinessCalendar.allHours(SEOUL);
        assertThat(p1.plus(seoul(2026, 9, 24, 23, 0), Duration.ofHours(4))).isEqualTo(seoul(2026, 9, 25, 3, 0));
    }
}
