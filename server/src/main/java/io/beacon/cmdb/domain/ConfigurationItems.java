package io.beacon.cmdb.domain;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The configuration items Beacon knows (the CMDB), as other areas see them. */
public interface ConfigurationItems {
    /** Those of the given ids that name an existing CI. */
    Set<Long> existingIds(Collection<Long> ids);

    /** The id of the CI with this (unique) name. */
    Optional<Long> idByName(String name);

    /** The names of the given CIs, by id (ids that do not exist are left out). */
    Map<Long, String> namesOf(Collection<Long> ids);
}
