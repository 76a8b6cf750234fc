package io.beacon.change.domain;

import java.time.Instant;

/** A period in which no change should run (a year-end freeze, a campaign), from configuration. */
public record FreezeWindow(String name, Instant start, Instant end) {
    public boolean overlaps(Instant from, Instant to) {
        return from.isBefore(end) && to.isAfter(start);
    }
}
