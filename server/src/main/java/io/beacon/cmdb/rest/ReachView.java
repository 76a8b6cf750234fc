package io.beacon.cmdb.rest;

import io.beacon.cmdb.application.CiReach;
import java.util.List;

/**
 * A CI found by a dependency walk: {@code depth} relations away, reached last through {@code via},
 * along {@code path} (CI names from where the walk started to this one).
 */
public record ReachView(long id, String name, String type, int depth, String via, List<String> path) {
    static ReachView of(CiReach r) {
        return new ReachView(r.ci().id(), r.ci().name(), r.ci().type().code(), r.depth(), r.via().code(), r.path());
    }
}
