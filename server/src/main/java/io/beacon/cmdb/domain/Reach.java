package io.beacon.cmdb.domain;

import java.util.List;

/**
 * A CI found by a topology walk: how many relations away it is, the relation type of the last step,
 * and one shortest path of CI ids from where the walk started to it (both ends included).
 */
public record Reach(long id, int depth, RelationType via, List<Long> path) {}
