package io.beacon.identity.domain;

import java.util.List;
import java.util.Optional;

/** The organisations Beacon knows. */
public interface Organisations {
    Optional<Organisation> byId(long id);

    Optional<Organisation> byName(String name);

    /** By name; {@code query} (or null) matches any part of the name. */
    List<Organisation> list(String query, int max);

    /** How many people belong to each organisation, by id. */
    java.util.Map<Long, Long> memberCounts();

    List<User> members(Organisation organisation);

    Organisation add(Organisation organisation);
}
