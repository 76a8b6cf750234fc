package io.beacon.change.application;

import java.time.Instant;
import java.util.List;

/** The body of {@code POST /api/changes}. */
public record NewChange(String type, String title, String description, String risk, List<Long> ciIds,
        Instant plannedStart, Instant plannedEnd, String implementationPlan, String backoutPlan, String implementer) {}
