package io.beacon.ticket.application;

import java.time.Instant;

/** A ticket's SLA as its API answer shows it (../shared contracts). */
public record SlaStatus(Instant responseDue, Instant resolutionDue, Boolean responseMet, Boolean resolutionMet,
        boolean paused, boolean breached, boolean atRisk, long remainingSeconds) {}
