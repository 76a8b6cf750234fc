package io.beacon.report.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeBucketsTest {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @Test
    void daysInSeoulStartAtLocalMidnightWhichIsThreePmUtc() {
        TimeBuckets days = TimeBuckets.days(SEOUL, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 3));
        assertThat(days.buckets()).hasSize(3);
        assertThat(days.start()).isEqualTo(Instant.parse("2026-10-31T15:00:00Z"));
        assertThat(days.end()).isEqualTo(Instant.parse("2026-11-03T15:00:00Z"));
        assertThat(days.segments()).containsExactly(new Segment(Instant.parse("2026-10-31T15:00:00Z"),
                Instant.parse("2026-11-03T15:00:00Z"), Instant.parse("2026-10-31T15:00:00Z"), 86_400));
    }

    @Test
    void aTicketJustAfterMidnightInSeoulCountsOnTheSeoulDateNotTheUtcOne() {
        TimeBuckets days = TimeBuckets.days(SEOUL, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 3));
        // 2026-11-01T15:30Z is 2026-11-02 00:30 in Seoul: the second bucket.
        assertThat(days.bucketAt(Instant.parse("2026-11-01T15:30:00Z"))).isEqualTo(1);
        assertThat(days.bucketAt(Instant.parse("2026-11-01T14:59:59Z"))).isEqualTo(0);
        assertThat(days.bucketAt(Instant.parse("2026-10-31T14:59:59Z"))).isEqualTo(-1);
        assertThat(days.bucketAt(Instant.parse("2026-11-03T15:00:00Z"))).isEqualTo(-1);
        Segment s = days.segments().get(0);
        assertThat(days.bucketOf(s, 1)).isEqualTo(1);
        assertThat(days.bucketOf(s, 2)).isEqualTo(2);
    }

    @Test
    void aDayWithTheSummerTimeChangeIsTwentyThreeHoursAndSplitsTheRangeIntoTwoSegments() {
        // Europe/Berlin springs forward on 2026-03-29 at 02:00 local (01:00Z).
        TimeBuckets days = TimeBuckets.days(BERLIN, LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 30));
        assertThat(Duration.between(days.buckets().get(1).startInstant(), days.buckets().get(1).endInstant()))
                .isEqualTo(Duration.ofHours(23));
        List<Segment> segments = days.segments();
        assertThat(segments).hasSize(2);
        Segment winter = segments.get(0);
        Segment summer = segments.get(1);
        assertThat(winter.start()).isEqualTo(Instant.parse("2026-03-27T23:00:00Z"));
        assertThat(winter.end()).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(winter.origin()).isEqualTo(Instant.parse("2026-03-27T23:00:00Z"));
        assertThat(summer.start()).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        // The summer segment's cells start at local midnight in summer time (22:00Z the day before).
        assertThat(summer.origin()).isEqualTo(Instant.parse("2026-03-28T22:00:00Z"));
        assertThat(summer.cellStart(1)).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        // Cell 1 of the winter segment (the morning of the 29th before 03:00) and cell 0 of the summer
        // segment (the rest of the 29th) are the same local day.
        assertThat(days.bucketOf(winter, 1)).isEqualTo(1);
        assertThat(days.bucketOf(summer, 0)).isEqualTo(1);
        assertThat(days.bucketOf(summer, 1)).isEqualTo(2);
    }

    @Test
    void weeksRunMondayToSundayAndAreCutToTheRange() {
        // 2026-11-04 is a Wednesday; 2026-11-20 a Friday.
        TimeBuckets weeks = TimeBuckets.weeks(SEOUL, LocalDate.of(2026, 11, 4), LocalDate.of(2026, 11, 20));
        assertThat(weeks.buckets()).extracting(b -> b.start().toLocalDate().toString())
                .containsExactly("2026-11-04", "2026-11-09", "2026-11-16");
        assertThat(weeks.buckets()).extracting(b -> b.end().toLocalDate().toString())
                .containsExactly("2026-11-09", "2026-11-16", "2026-11-21");
        Segment s = weeks.segments().get(0);
        assertThat(s.cellSeconds()).isEqualTo(86_400);
        assertThat(weeks.bucketOf(s, 0)).isEqualTo(0);  // Wed 4th
        assertThat(weeks.bucketOf(s, 4)).isEqualTo(0);  // Sun 8th
        assertThat(weeks.bucketOf(s, 5)).isEqualTo(1);  // Mon 9th
        assertThat(weeks.bucketOf(s, 16)).isEqualTo(2); // Fri 20th
    }

    @Test
    void aWeekAcrossTheAutumnChangeAddsUpBothSegments() {
        // Europe/Berlin falls back on 2026-10-25 (a Sunday) at 03:00 local (01:00Z).
        TimeBuckets weeks = TimeBuckets.weeks(BERLIN, LocalDate.of(2026, 10, 19), LocalDate.of(2026, 11, 1));
        assertThat(weeks.buckets()).hasSize(2);
        assertThat(Duration.between(weeks.buckets().get(0).startInstant(), weeks.buckets().get(0).endInstant()))
                .isEqualTo(Duration.ofHours(7 * 24 + 1));
        List<Segment> segments = weeks.segments();
        assertThat(segments).hasSize(2);
        assertThat(weeks.bucketOf(segments.get(0), 6)).isEqualTo(0); // Sunday morning, summer time
        assertThat(weeks.bucketOf(segments.get(1), 0)).isEqualTo(0); // the rest of that Sunday
        assertThat(weeks.bucketOf(segments.get(1), 1)).isEqualTo(1); // Monday 26th
    }

    @Test
    void hoursEndWithTheCurrentLocalHour() {
        Instant now = Instant.parse("2026-11-27T10:17:00Z");
        TimeBuckets hours = TimeBuckets.hours(SEOUL, now, 24);
        assertThat(hours.buckets()).hasSize(24);
        assertThat(hours.end()).isEqualTo(Instant.parse("2026-11-27T11:00:00Z"));
        assertThat(hours.start()).isEqualTo(Instant.parse("2026-11-26T11:00:00Z"));
        assertThat(hours.bucketAt(now)).isEqualTo(23);
        Segment s = hours.segments().get(0);
        assertThat(s.cellSeconds()).isEqualTo(3600);
        assertThat(hours.bucketOf(s, 23)).isEqualTo(23);
    }

    @Test
    void hoursInAHalfHourZoneStartAtHalfPastUtc() {
        Instant now = Instant.parse("2026-11-27T10:17:00Z"); // 15:47 in Kolkata (+05:30)
        TimeBuckets hours = TimeBuckets.hours(KOLKATA, now, 3);
        assertThat(hours.buckets()).extracting(Bucket::startInstant).containsExactly(
                Instant.parse("2026-11-27T07:30:00Z"), Instant.parse("2026-11-27T08:30:00Z"),
                Instant.parse("2026-11-27T09:30:00Z"));
        assertThat(hours.segments().get(0).origin()).isEqualTo(Instant.parse("2026-11-27T07:30:00Z"));
    }

    @Test
    void theRepeatedAutumnHourIsTwoBuckets() {
        // 2026-10-25 in Berlin: 02:00-03:00 local happens twice (00:00Z and 01:00Z).
        TimeBuckets hours = TimeBuckets.hours(BERLIN, Instant.parse("2026-10-25T02:30:00Z"), 4);
        assertThat(hours.buckets()).extracting(b -> b.start().toLocalTime().toString())
                .containsExactly("01:00", "02:00", "02:00", "03:00");
        assertThat(hours.segments()).hasSize(2);
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> TimeBuckets.days(SEOUL, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
