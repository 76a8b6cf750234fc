package io.beacon.cmdb.application;

/**
 * Relations between CIs were added or removed: fired (CDI) in the transaction that did it, so that
 * in-memory topologies re-read it after the commit.
 */
public record TopologyChanged(int relationsAdded, int relationsRemoved) {}
