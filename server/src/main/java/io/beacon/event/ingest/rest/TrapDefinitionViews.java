package io.beacon.event.ingest.rest;

import io.beacon.event.ingest.domain.TrapDefinition;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shape of a trap definition in force ({@code GET /api/events/trap-definitions}). */
final class TrapDefinitionViews {
    private TrapDefinitionViews() {}

    static Map<String, Object> definition(TrapDefinition d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("oid", d.oid());
        m.put("name", d.name());
        m.put("kind", d.kind().code());
        m.put("severity", d.severity().code());
        m.put("clears", d.clears());
        m.put("key", d.keyFields());
        m.put("message", d.message());
        m.put("overrides", d.overrides().stream().map(o -> Map.of("oid", o.oid(), "equals", o.equals(),
                "severity", o.severity().code())).toList());
        m.put("origin", d.origin());
        return m;
    }
}
