package io.beacon.report.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beacon.platform.domain.BadParameterException;
import io.beacon.platform.domain.FieldError;
import io.beacon.report.domain.BucketSize;
import io.beacon.ticket.domain.TicketType;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportParametersTest {
    private static final Instant NOW = Instant.parse("2026-11-27T16:00:00Z"); // 2026-11-28 01:00 in Seoul

    @Test
    void defaultsAreTheLastThirtyDaysInSeoulAllTypes() {
        var p = ReportParameters.ticketTimes(null, null, null, null, null, NOW);
        assertThat(p.to()).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(p.from()).isEqualTo(LocalDate.of(2026, 10, 30));
        assertThat(p.type()).isNull();
        assertThat(p.buckets().size()).isEqualTo(BucketSize.DAY);
        assertThat(p.buckets().buckets()).hasSize(30);
        assertThat(p.buckets().zone().getId()).isEqualTo("Asia/Seoul");
    }

    @Test
    void todayFollowsTheZoneAsked() {
        var p = ReportParameters.ticketTimes(null, null, "week", "incident", "UTC", NOW);
        assertThat(p.to()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(p.type()).isEqualTo(TicketType.INCIDENT);
        assertThat(p.buckets().size()).isEqualTo(BucketSize.WEEK);
    }

    @Test
    void everyBadParameterIsNamed() {
        assertThatThrownBy(() -> ReportParameters.ticketTimes("2026-13-01", "yesterday", "month", "bug", "Mars/Olympus", NOW))
                .isInstanceOf(BadParameterException.class)
                .satisfies(e -> assertThat(((BadParameterException) e).errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("from", "to", "bucket", "type", "tz"));
    }

    @Test
    void aRangeBackwardsOrTooLongIsRefusedNamingFrom() {
        assertThatThrownBy(() -> ReportParameters.ticketTimes("2026-11-02", "2026-11-01", "day", null, null, NOW))
                .isInstanceOf(BadParameterException.class).hasMessageStartingWith("from:");
        assertThatThrownBy(() -> ReportParameters.ticketTimes("2025-01-01", "2026-11-01", "day", null, null, NOW))
                .isInstanceOf(BadParameterException.class).hasMessageContaining("at most 366 days");
        assertThat(ReportParameters.ticketTimes("2025-01-01", "2026-11-01", "week", null, null, NOW).buckets().buckets())
                .hasSize(96);
    }

    @Test
    void hoursAreOneToAWeek() {
        assertThat(ReportParameters.eventsPerHour(null, null).hours()).isEqualTo(24);
        assertThat(ReportParameters.eventsPerHour("168", "Europe/Berlin").zone().getId()).isEqualTo("Europe/Berlin");
        assertThatThrownBy(() -> ReportParameters.eventsPerHour("0", null)).hasMessageStartingWith("hours:");
        assertThatThrownBy(() -> ReportParameters.eventsPerHour("169", null)).hasMessageStartingWith("hours:");
        assertThatThrownBy(() -> ReportParameters.eventsPerHour("x", null)).hasMessageStartingWith("hours:");
    }
}
