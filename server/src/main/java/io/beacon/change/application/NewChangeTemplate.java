package io.beacon.change.application;

import java.util.List;

/** The body of {@code POST /api/change-templates} and {@code PUT /api/change-templates/{id}}. */
public record NewChangeTemplate(String name, String description, String risk, List<Long> ciIds,
        String implementationPlan, String backoutPlan, String testPlan) {}
