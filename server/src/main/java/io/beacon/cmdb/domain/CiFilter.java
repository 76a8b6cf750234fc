package io.beacon.cmdb.domain;

/**
 * Criteria for listing CIs; null means "any". {@code ip} matches one of the item's addresses exactly,
 * {@code name} is a case-insensitive substring of the name, {@code q} of the name or the host name,
 * {@code ownerGroup} matches exactly.
 */
public record CiFilter(String ip, String name, CiType type, String q, String ownerGroup) {
    public static final CiFilter ANY = new CiFilter(null, null, null, null, null);
}
