package io.beacon.cmdb.application;

import io.beacon.platform.domain.BidiControls;
import java.util.List;

/**
 * One item of a bulk import, whatever the format: where it was ({@code line} of a CSV file or
 * {@code index} of a JSON array), the fields it gives (as a merge-patch keyed by its name), the
 * relations it wants ("this type target"), or the reason it could not even be read.
 */
public record CiImportRow(String locator, int position, CiChanges changes, List<Link> relations, String error) {
    /** A wanted relation: "this type target", the target by name (in the CMDB or in the same import). */
    public record Link(String type, String target) {
        public Link {
            target = BidiControls.strip(target); // matched against names stored without them
        }
    }

    public static CiImportRow unreadable(String locator, int position, String error) {
        return new CiImportRow(locator, position, null, List.of(), error);
    }
}
