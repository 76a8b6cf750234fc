package io.beacon.cmdb.domain;

/** One relation as the topology sees it: "source type target", by CI id. */
public record Edge(long source, RelationType type, long target) {}
