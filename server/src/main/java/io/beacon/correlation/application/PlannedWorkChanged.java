package io.beacon.correlation.application;

/**
 * A change's window or a maintenance window was planned, moved or removed: fired (CDI) so that
 * correlation rebuilds its in-memory index of planned work after the commit.
 */
public record PlannedWorkChanged(String ref) {}
