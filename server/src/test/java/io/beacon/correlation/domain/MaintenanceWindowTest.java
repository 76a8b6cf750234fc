package io.beacon.correlation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beacon.platform.domain.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MaintenanceWindowTest {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final Instant NOW = Instant.parse("2026-11-27T00:00:00Z");

    private static Instant seoul(int month, int day, int hour) {
        return ZonedDateTime.of(2026, month, day, hour, 0, 0, 0, SEOUL).toInstant();
    }

    @Test
    void aOneOffWindowCoversItsPeriodOnly() {
        MaintenanceWindow w = MaintenanceWindow.plan(Set.of(5L), seoul(11, 28, 2), seoul(11, 28, 4), "디스크 교체", null,
                null, "agent", NOW);
        assertThat(w.getTimeZone()).isEqualTo("Asia/Seoul");
        assertThat(w.activeAt(seoul(11, 28, 3))).isTrue();
        assertThat(w.activeAt(seoul(11, 28, 4))).isFalse();
        assertThat(w.occurrences(NOW, NOW.plus(Duration.ofDays(30)))).singleElement()
                .satisfies(p -> assertThat(p.ciIds()).containsExactly(5L));
    }

    @Test
    void aWeeklyWindowRepeatsOnSaturdayNightsInItsTimeZone() {
        MaintenanceWindow w = MaintenanceWindow.plan(Set.of(5L, 6L), seoul(11, 28, 2), seoul(11, 28, 4), "patching",
                "RRULE:FREQ=WEEKLY;BYDAY=SA", "Asia/Seoul", "agent", NOW);
        List<PlannedWork> next = w.occurrences(seoul(12, 1, 0), seoul(12, 31, 0));
        assertThat(next).extracting(PlannedWork::start)
                .containsExactly(seoul(12, 5, 2), seoul(12, 12, 2), seoul(12, 19, 2), seoul(12, 26, 2));
        assertThat(next).allSatisfy(p -> assertThat(Duration.between(p.start(), p.end())).isEqualTo(Duration.ofHours(2)));
        assertThat(w.activeAt(seoul(12, 12, 3))).isTrue();
        assertThat(w.activeAt(seoul(12, 13, 3))).isFalse();
        // An occurrence already under way at the start of the asked period counts.
        assertThat(w.occurrences(seoul(12, 5, 3), seoul(12, 5, 5))).hasSize(1);
    }

    @Test
    void badWindowsAreRefusedNamingEveryWrongField() {
        assertThatThrownBy(() -> MaintenanceWindow.plan(Set.of(), seoul(11, 28, 4), seoul(11, 28, 2), " ",
                "FREQ=SOMETIMES", "Mars/Olympus", "agent", NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage())
                        .contains("ciIds").contains("reason").contains("end").contains("recurrence")
                        .contains("timeZone"));
        assertThatThrownBy(() -> MaintenanceWindow.plan(Set.of(1L), seoul(11, 28, 2), seoul(11, 28, 4), "x",
                "FREQ=MINUTELY", null, "agent", NOW)).hasMessageContaining("hourly");
        assertThatThrownBy(() -> MaintenanceWindow.plan(Set.of(1L), seoul(1, 1, 2), seoul(1, 1, 4), "x", null, null,
                "agent", NOW)).hasMessageContaining("over already");
    }
}
