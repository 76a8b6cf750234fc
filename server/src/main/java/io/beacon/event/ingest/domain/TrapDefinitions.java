package io.beacon.event.ingest.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The known notification OIDs; a later definition of the same OID (the user's file) replaces an earlier one. */
public final class TrapDefinitions {
    private final Map<String, TrapDefinition> byOid = new LinkedHashMap<>();

    public TrapDefinitions(Collection<TrapDefinition> definitions) {
        for (TrapDefinition d : definitions) {
            byOid.remove(d.oid()); // keep the latest order too
            byOid.put(d.oid(), d);
        }
    }

    public Optional<TrapDefinition> forOid(String notificationOid) {
        return notificationOid == null ? Optional.empty() : Optional.ofNullable(byOid.get(notificationOid));
    }

    public List<TrapDefinition> all() {
        return List.copyOf(byOid.values());
    }
}
