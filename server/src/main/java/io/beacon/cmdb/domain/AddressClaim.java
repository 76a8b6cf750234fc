package io.beacon.cmdb.domain;

import java.util.Set;

/**
 * The addresses and names that a change made resolve to a CI when they did not before (normalised
 * IPs; lower-case host names, short host names and CI names).
 */
public record AddressClaim(long ciId, String ciName, Set<String> ips, Set<String> hostnames) {
    public boolean isEmpty() {
        return ips.isEmpty() && hostnames.isEmpty();
    }
}
