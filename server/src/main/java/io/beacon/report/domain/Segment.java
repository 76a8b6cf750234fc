package io.beacon.report.domain;

import java.time.Instant;

/**
 * A stretch of time in which the zone's offset does not change, so that the database can count in
 * cells of a fixed width: cell {@code k} starts at {@code origin + k × cellSeconds} (origin is a local
 * midnight or full hour at or before {@code start}). Only rows in [start, end) belong to the segment.
 */
public record Segment(Instant start, Instant end, Instant origin, long cellSeconds) {
    public Instant cellStart(long cell) {
        return origin.plusSeconds(cell * cellSeconds);
    }
}
