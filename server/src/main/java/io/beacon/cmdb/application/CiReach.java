package io.beacon.cmdb.application;

import io.beacon.cmdb.domain.CiRef;
import io.beacon.cmdb.domain.RelationType;
import java.util.List;

/** A CI found by a dependency walk, with its depth, the relation of the last step and the path by name. */
public record CiReach(CiRef ci, int depth, RelationType via, List<String> path) {}
