package io.beacon.correlation.application;

import io.beacon.correlation.domain.PlannedWork;
import java.time.Instant;
import java.util.List;

/**
 * The port to change management: the windows of approved changes (under way, planned, or ended)
 * that overlap a period, as planned work. A change that ended early ends its window there.
 */
public interface PlannedChanges {
    List<PlannedWork> between(Instant from, Instant to);
}
