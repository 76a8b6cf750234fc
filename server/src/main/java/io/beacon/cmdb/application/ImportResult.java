package io.beacon.cmdb.application;

import java.util.List;

/** What a bulk import did, and the items it refused with their reasons. */
public record ImportResult(int created, int updated, int unchanged, int relationsCreated, List<Rejected> rejected) {
    /** An item not imported: where it was ({@code line} or {@code index}), its name if known, and why. */
    public record Rejected(String locator, int position, String name, String reason) {}
}
