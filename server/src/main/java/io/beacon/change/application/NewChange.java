package io.beacon.change.application;

import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST /api/changes}. With {@code templateId} the change is a standard change raised from
 * that catalogue template: what the request leaves out (risk, CIs, plans, title) comes from the template.
 */
public record NewChange(String type, String title, String description, String risk, List<Long> ciIds,
        Instant plannedStart, Instant plannedEnd, String implementationPlan, String backoutPlan, String testPlan,
        String implementer, Long templateId) {}
