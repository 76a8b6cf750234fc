package io.beacon.cmdb.domain;

/** A CI by its id, name and type: enough to show and link it. */
public record CiRef(long id, String name, CiType type) {}
