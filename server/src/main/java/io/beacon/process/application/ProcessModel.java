package io.beacon.process.application;

import java.time.Instant;
import java.util.List;

/**
 * A process or decision table with every deployed version, oldest first; the active one (the latest) is what new
 * process instances and decision evaluations use.
 */
public record ProcessModel(String key, String kind, String name, String fileName, int activeVersion,
        List<Version> versions) {
    public static final String PROCESS = "process";
    public static final String DECISION = "decision";

    /**
     * One deployed version. {@code source}: built-in (shipped with Beacon) or uploaded; a rollback names the version
     * it restored ({@code rollbackOf}) and has that version's source. {@code runningInstances}: process instances on
     * this version (0 for decision tables).
     */
    public record Version(int version, String source, String deployedBy, Instant deployedAt, Integer rollbackOf,
            boolean active, long runningInstances) {}
}
