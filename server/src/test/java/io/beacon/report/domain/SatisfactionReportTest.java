package io.beacon.report.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SatisfactionReportTest {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Test
    void ratingsAreAveragedPerLocalDayAndPerGroupAndOverall() {
        TimeBuckets days = TimeBuckets.days(SEOUL, LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-02"));
        List<SatisfactionFigures.Rated> ratings = List.of(
                // 23:30 on 1 December in Seoul is still 14:30 UTC that day; 00:30 on the 2nd is 15:30 UTC on the 1st.
                new SatisfactionFigures.Rated(Instant.parse("2026-12-01T14:30:00Z"), 10L, 5),
                new SatisfactionFigures.Rated(Instant.parse("2026-12-01T15:30:00Z"), 10L, 2),
                new SatisfactionFigures.Rated(Instant.parse("2026-12-01T16:00:00Z"), 20L, 4),
                new SatisfactionFigures.Rated(Instant.parse("2026-12-01T17:00:00Z"), null, 3),
                new SatisfactionFigures.Rated(Instant.parse("2026-12-05T01:00:00Z"), 10L, 1)); // outside the range

        SatisfactionReport r = SatisfactionReport.collect(days, ratings);

        assertThat(r.perBucket().get(0)).containsOnlyKeys(10L);
        assertThat(r.perBucket().get(0).get(10L).average()).isEqualTo(5.0);
        assertThat(r.perBucket().get(1).get(10L).average()).isEqualTo(2.0);
        assertThat(r.perBucket().get(1)).containsKeys(20L, null);
        assertThat(r.perGroup().get(10L)).isEqualTo(new SatisfactionReport.Score(2, 7));
        assertThat(r.perGroup().get(10L).average()).isEqualTo(3.5);
        assertThat(r.perGroup().keySet()).containsExactly(10L, 20L, null);
        assertThat(r.total().count()).isEqualTo(4);
        assertThat(r.total().average()).isEqualTo(3.5);
        assertThat(SatisfactionReport.Score.NONE.average()).isNull();
    }
}
