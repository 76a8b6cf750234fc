package io.beacon.cmdb.domain;

/** A stored relation as the topology sees it: its id (never reused) and its edge. */
public record RelationEdge(long relationId, Edge edge) {}
