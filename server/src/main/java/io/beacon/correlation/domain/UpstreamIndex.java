package io.beacon.correlation.domain;

import io.beacon.cmdb.domain.CmdbIndex;
import io.beacon.cmdb.domain.Dependencies;
import java.util.HashSet;
import java.util.Set;

/**
 * For each CI, every CI it depends on (and every CI depending on it), to any depth: the places a
 * root cause can sit. Reads the live CMDB view, which answers every relation change at once and
 * caches the closures it walked.
 */
public final class UpstreamIndex {
    private final Dependencies dependencies;

    public UpstreamIndex(Dependencies dependencies) {
        this.dependencies = dependencies;
    }

    public static UpstreamIndex empty() {
        return new UpstreamIndex(new CmdbIndex());
    }

    /** The CIs that {@code ci} depends on, not {@code ci} itself. */
    public Set<Long> of(long ci) {
        return dependencies.dependenciesOf(ci);
    }

    /** The CIs that depend on {@code ci}, to any depth: where its symptoms can show. */
    public Set<Long> dependantsOf(long ci) {
        return dependencies.dependantsOf(ci);
    }

    /** {@code ci} and everything it depends on. */
    public Set<Long> selfAndUpstream(long ci) {
        Set<Long> ids = new HashSet<>(of(ci));
        ids.add(ci);
        return ids;
    }
}
