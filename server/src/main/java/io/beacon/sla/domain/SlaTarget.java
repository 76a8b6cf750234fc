package io.beacon.sla.domain;

import java.time.Duration;

/** What a priority promises: first response and resolution within these working durations; P1 counts 24×7. */
public record SlaTarget(Duration response, Duration resolution, boolean allHours) {}
