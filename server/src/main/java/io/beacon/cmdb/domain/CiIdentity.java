package io.beacon.cmdb.domain;

import java.util.Set;

/**
 * What tells events which CI they come from: its name, host name and addresses, as committed at
 * {@code version} (the CI's optimistic-lock version, so that an older state never replaces a newer one),
 * and the group that owns it (the name as the CMDB holds it, or null), where its incidents go.
 */
public record CiIdentity(long id, long version, String name, String hostname, Set<String> ips, String ownerGroup) {
    public CiIdentity {
        ips = ips == null ? Set.of() : Set.copyOf(ips);
    }

    /** Without an owner group. */
    public CiIdentity(long id, long version, String name, String hostname, Set<String> ips) {
        this(id, version, name, hostname, ips, null);
    }
}
