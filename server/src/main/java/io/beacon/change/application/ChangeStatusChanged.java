package io.beacon.change.application;

import java.time.Instant;
import java.util.Set;

/**
 * A change moved to another status: fired as a CDI event inside the transaction that moved it
 * (event correlation keeps its change-window view current with it; observe AFTER_SUCCESS for side effects).
 */
public record ChangeStatusChanged(long changeId, String key, String from, String to, Set<Long> ciIds,
        Instant plannedStart, Instant plannedEnd, String actor, Instant at) {}
