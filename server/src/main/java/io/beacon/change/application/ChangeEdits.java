package io.beacon.change.application;

import java.time.Instant;
import java.util.List;

/**
 * A merge-patch of a change: null fields stay as they are; {@code status} asks the process to move on, with
 * an optional {@code note} for the step, and {@code outcome} (successful, failed, backed_out) when closing.
 */
public record ChangeEdits(String type, String title, String description, String risk, List<Long> ciIds, Instant plannedStart,
        Instant plannedEnd, String implementationPlan, String backoutPlan, String testPlan, String implementer,
        String status, String reason, String note, String outcome, Long expectedVersion) {}
