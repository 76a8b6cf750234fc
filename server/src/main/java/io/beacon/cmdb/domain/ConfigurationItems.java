package io.beacon.cmdb.domain;

import io.beacon.platform.domain.Page;
import io.beacon.platform.domain.PageRequest;
import java.util.Collection;
import java.util.List;
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

    // What the CMDB itself needs besides.

    Optional<ConfigurationItem> byId(long id);

    Optional<ConfigurationItem> byName(String name);

    /** A page of CIs matching every given criterion of the filter, ordered by name. */
    Page<ConfigurationItem> list(CiFilter filter, PageRequest page);

    /** The ids of the CIs with these names (in batched queries); names that do not exist are left out. */
    Map<String, Long> idsByNames(Collection<String> names);

    /** The CIs with these ids, their addresses and attributes loaded (in batched queries). */
    List<ConfigurationItem> withDetails(Collection<Long> ids);

    /** Id, name and type of the given CIs (ids that do not exist are left out). */
    Map<Long, CiRef> refsOf(Collection<Long> ids);

    /** Every CI's identity (id, version, name, host name, addresses), in two flat queries: the CMDB view's load. */
    List<CiIdentity> identities();

    ConfigurationItem add(ConfigurationItem item);

    /** Writes pending changes now (so that versions and ids are current). */
    void flush();

    /** Writes pending changes and forgets every loaded item: bulk work keeps memory flat with it. */
    void flushAndClear();
}
