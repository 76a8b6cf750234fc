package io.beacon.cmdb.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A committed CMDB write gave a CI addresses or host names it did not have before (a new CI, an
 * address change, an import): fired once the CMDB view answers with them, so that what arrived
 * from those addresses while no CI owned them can move onto the CI.
 */
public record AddressesClaimed(long ciId, String ciName, Set<String> ips, Set<String> hostnames) {
    /** The addresses and host names claimed, whichever were given. */
    public List<String> addressesAndHosts() {
        List<String> all = new ArrayList<>();
        if (ips != null) {
            all.addAll(ips);
        }
        if (hostnames != null) {
            all.addAll(hostnames);
        }
        return all;
    }
}
