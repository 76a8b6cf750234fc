package io.beacon.report.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportCollectTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void cellsOfBothSegmentsAddUpIntoTheirBucketsAndMeansFollowTheSums() {
        TimeBuckets weeks = TimeBuckets.weeks(BERLIN, LocalDate.of(2026, 10, 19), LocalDate.of(2026, 11, 1));
        List<Segment> segments = weeks.segments();
        TicketTimesReport report = TicketTimesReport.collect(weeks, List.of(
                new SegmentCells<>(segments.get(0), List.of(
                        new TicketTimeCell(0, new TicketTimeSums(2, 2, 100, 1, 3600)),
                        new TicketTimeCell(6, new TicketTimeSums(1, 1, 50, 1, 7200)))),
                new SegmentCells<>(segments.get(1), List.of(
                        new TicketTimeCell(0, new TicketTimeSums(1, 0, 0, 0, 0)),
                        new TicketTimeCell(3, new TicketTimeSums(3, 3, 30, 0, 0))))));
        assertThat(report.perBucket().get(0)).isEqualTo(new TicketTimeSums(4, 3, 150, 2, 10_800));
        assertThat(report.perBucket().get(0).meanAcknowledgeSeconds()).isEqualTo(50);
        assertThat(report.perBucket().get(0).meanResolveSeconds()).isEqualTo(5400);
        assertThat(report.perBucket().get(1).meanAcknowledgeSeconds()).isEqualTo(10);
        assertThat(report.perBucket().get(1).meanResolveSeconds()).isNull();
        assertThat(report.total()).isEqualTo(new TicketTimeSums(7, 6, 180, 2, 10_800));
    }

    @Test
    void bucketsWithoutRowsAreThereWithZeroAndNoMeans() {
        TimeBuckets days = TimeBuckets.days(ZoneId.of("Asia/Seoul"), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 3));
        TicketTimesReport report = TicketTimesReport.collect(days, List.of(new SegmentCells<>(days.segments().get(0), List.of())));
        assertThat(report.perBucket()).hasSize(3).allMatch(s -> s.equals(TicketTimeSums.NONE));
        assertThat(report.total().meanAcknowledgeSeconds()).isNull();
    }

    @Test
    void meansRoundToWholeSeconds() {
        assertThat(new TicketTimeSums(3, 3, 10, 2, 3).meanAcknowledgeSeconds()).isEqualTo(3);
        assertThat(new TicketTimeSums(3, 3, 10, 2, 3).meanResolveSeconds()).isEqualTo(2);
    }

    @Test
    void countsPerHourAddUp() {
        TimeBuckets hours = TimeBuckets.hours(ZoneId.of("Asia/Seoul"), java.time.Instant.parse("2026-11-27T10:17:00Z"), 3);
        Segment s = hours.segments().get(0);
        CountReport report = CountReport.collect(hours, List.of(new SegmentCells<>(s,
                List.of(new CountCell(0, 5), new CountCell(2, 7), new CountCell(9, 100)))));
        assertThat(report.perBucket()).containsExactly(5L, 0L, 7L);
        assertThat(report.total()).isEqualTo(12); // a cell outside the range (9) is no bucket's
    }
}
