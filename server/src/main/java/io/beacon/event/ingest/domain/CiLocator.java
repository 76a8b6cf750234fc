package io.beacon.event.ingest.domain;

import java.util.Optional;

/** Finds the CI behind an address or a host name (an in-memory index: never a query per event). */
public interface CiLocator {
    /** The CI owning this IP address (any textual form the CMDB would normalise to the same address). */
    Optional<Long> byIp(String ip);

    /** The CI with this host name (case-insensitive, full name first, then the short name), or this CI name. */
    Optional<Long> byHostOrName(String host);

    /** The name of a CI, for showing alarms without a join. */
    String nameOf(long ciId);

    /** Tries the clues in order; the first that names a CI wins and is recorded as {@code resolvedBy}. */
    default Optional<CiMatch> resolve(Clue... clues) {
        for (Clue c : clues) {
            if (c == null || c.value() == null || c.value().isBlank()) {
                continue;
            }
            Optional<Long> id = c.ip() ? byIp(c.value()) : byHostOrName(c.value());
            if (id.isEmpty() && !c.ip()) {
                id = byIp(c.value()); // a host label often carries an address
            }
            if (id.isPresent()) {
                return Optional.of(new CiMatch(id.get(), nameOf(id.get()), c.name()));
            }
        }
        return Optional.empty();
    }

    /** One hint to where an event comes from. */
    record Clue(String name, String value, boolean ip) {
        public static Clue ip(String name, String value) {
            return new Clue(name, value, true);
        }

        public static Clue host(String name, String value) {
            return new Clue(name, value, false);
        }
    }
}
