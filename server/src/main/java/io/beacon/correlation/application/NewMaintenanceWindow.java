package io.beacon.correlation.application;

import java.time.Instant;
import java.util.List;

/** What a caller asks for when planning a maintenance window (fields as given; the domain checks them). */
public record NewMaintenanceWindow(List<Long> ciIds, Instant start, Instant end, String reason, String recurrence,
        String timeZone) {}
