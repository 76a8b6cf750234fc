package io.beacon.correlation.rest;

import io.beacon.correlation.domain.MaintenanceWindow;
import io.beacon.correlation.domain.PlannedWork;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A maintenance window as the API shows it, with whether it is under way now and its next
 * occurrences (the coming 90 days, at most five).
 */
public record MaintenanceWindowView(long id, String ref, List<Long> ciIds, Instant start, Instant end, String reason,
        String recurrence, String timeZone, boolean activeNow, List<Occurrence> next, String createdBy,
        Instant createdAt) {

    public record Occurrence(Instant start, Instant end) {}

    static MaintenanceWindowView of(MaintenanceWindow w, Instant now) {
        List<Occurrence> next = w.occurrences(now, now.plus(Duration.ofDays(90))).stream().limit(5)
                .map((PlannedWork p) -> new Occurrence(p.start(), p.end())).toList();
        return new MaintenanceWindowView(w.getId(), w.ref(), w.getCiIds().stream().sorted().toList(), w.getStart(),
                w.getEnd(), w.getReason(), w.getRecurrence(), w.getTimeZone(), w.activeAt(now), next,
                w.getCreatedBy(), w.getCreatedAt());
    }
}
