package io.beacon.platform.cluster;

import java.util.Locale;

/**
 * What one Beacon process does. {@code ALL}: everything on one node, no Kafka. {@code CORE}: the
 * desk (API, console, database, correlation, workflows, mail) fed by the collectors through Kafka.
 * {@code COLLECTOR}: the SNMP and webhook receivers only, handing what they receive to Kafka.
 */
public enum NodeRole {
    ALL, CORE, COLLECTOR;

    /** The role named by a setting ({@code all}, {@code core}, {@code collector}, any case). */
    public static NodeRole parse(String name) {
        String wanted = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        for (NodeRole role : values()) {
            if (role.name().equals(wanted)) {
                return role;
            }
        }
        throw new IllegalArgumentException("BEACON_NODE_ROLE must be all, core or collector, not '" + name + "'");
    }

    /** Whether this node stores events and runs the desk (a collector only forwards). */
    public boolean storesEvents() {
        return this != COLLECTOR;
    }

    /** Whether this node talks to Kafka at all. */
    public boolean usesKafka() {
        return this != ALL;
    }
}
