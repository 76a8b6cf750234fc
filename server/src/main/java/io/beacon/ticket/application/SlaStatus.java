package io.beacon.ticket.application;

import java.time.Instant;

/**
 * A ticket's SLA as its API answer shows it. {@code counting} says which clock runs next
 * ({@code response} until the first response, then {@code resolution}; null once resolved),
 * {@code due} its due time and {@code dueSeconds} the working time left to it (negative: overdue);
 * {@code remainingSeconds} is always the resolution's. Once {@code resolved}, {@code responseMet}
 * and {@code resolutionMet} give the verdicts.
 */
public record SlaStatus(Instant responseDue, Instant resolutionDue, Boolean responseMet, Boolean resolutionMet,
        boolean paused, boolean breached, boolean atRisk, long remainingSeconds, boolean resolved, String counting,
        Instant due, long dueSeconds) {}
