package io.beacon.report.domain;

import java.time.Instant;
import java.time.ZonedDateTime;

/** One bucket of a report: from {@code start} (inclusive) to {@code end} (exclusive), in the user's zone. */
public record Bucket(ZonedDateTime start, ZonedDateTime end) {
    public Instant startInstant() {
        return start.toInstant();
    }

    public Instant endInstant() {
        return end.toInstant();
    }
}
