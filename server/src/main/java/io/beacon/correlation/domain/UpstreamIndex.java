package io.beacon.correlation.domain;

import io.beacon.cmdb.domain.Reach;
import io.beacon.cmdb.domain.Topology;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For each CI, every CI it depends on (and every CI depending on it), to any depth, from an in-memory {@link Topology}: the places
 * a root cause can sit. Computed on first use per CI and kept; the application replaces the whole
 * index when the CMDB's relations change.
 */
public final class UpstreamIndex {
    private final Topology topology;
    private final Map<Long, Set<Long>> upstream = new ConcurrentHashMap<>();
    private final Map<Long, Set<Long>> downstream = new ConcurrentHashMap<>();

    public UpstreamIndex(Topology topology) {
        this.topology = topology;
    }

    public static UpstreamIndex empty() {
        return new UpstreamIndex(new Topology());
    }

    /** The CIs that {@code ci} depends on, not {@code ci} itself. */
    public Set<Long> of(long ci) {
        return upstream.computeIfAbsent(ci, id -> {
            Set<Long> ids = new HashSet<>();
            for (Reach r : topology.dependenciesOf(id)) {
                ids.add(r.id());
            }
            return Collections.unmodifiableSet(ids);
        });
    }

    /** The CIs that depend on {@code ci}, to any depth: where its symptoms can show. */
    public Set<Long> dependantsOf(long ci) {
        return downstream.computeIfAbsent(ci, id -> {
            Set<Long> ids = new HashSet<>();
            for (Reach r : topology.dependantsOf(id)) {
                ids.add(r.id());
            }
            return Collections.unmodifiableSet(ids);
        });
    }

    /** {@code ci} and everything it depends on. */
    public Set<Long> selfAndUpstream(long ci) {
        Set<Long> ids = new HashSet<>(of(ci));
        ids.add(ci);
        return ids;
    }
}
