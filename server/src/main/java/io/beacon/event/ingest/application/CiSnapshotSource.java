package io.beacon.event.ingest.application;

import java.util.List;

/** Reads what the CI index needs from the CMDB: every CI's id, name, host name and addresses, in bulk. */
public interface CiSnapshotSource {
    /** A cheap fingerprint of the CMDB's state (count and newest change): the index reloads when it moves. */
    String stamp();

    List<CiAddressRow> load();

    /** One CI: id, name, host name (may be null) and its IP addresses. */
    record CiAddressRow(long id, String name, String hostname, List<String> ips) {}
}
