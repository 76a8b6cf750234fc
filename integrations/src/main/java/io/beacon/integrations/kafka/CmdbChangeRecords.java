package io.beacon.integrations.kafka;

import io.beacon.platform.domain.JsonP;
import io.beacon.cmdb.application.CmdbChange;
import io.beacon.cmdb.domain.CiIdentity;
import io.beacon.cmdb.domain.Edge;
import io.beacon.cmdb.domain.RelationEdge;
import io.beacon.cmdb.domain.RelationType;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A committed CMDB change as Kafka records of JSON: a large import is cut into parts of at most
 * {@value #PART} CIs or relations each (a record stays far below Kafka's 1 MB), each part a change
 * of its own that the receiving view applies as it comes.
 */
final class CmdbChangeRecords {
    static final int PART = 500;

    private CmdbChangeRecords() {
    }

    static List<String> encode(CmdbChange change, String node) {
        List<String> records = new ArrayList<>();
        List<CiIdentity> cis = change.cis();
        List<RelationEdge> added = change.relationsAdded();
        List<Long> removed = change.relationsRemoved();
        // CIs first, so that relations added in the same change find their ends known
        for (int i = 0; i < cis.size(); i += PART) {
            records.add(json(node, cis.subList(i, Math.min(cis.size(), i + PART)), List.of(), List.of()));
        }
        for (int i = 0; i < added.size(); i += PART) {
            records.add(json(node, List.of(), added.subList(i, Math.min(added.size(), i + PART)), List.of()));
        }
        for (int i = 0; i < removed.size(); i += PART) {
            records.add(json(node, List.of(), List.of(), removed.subList(i, Math.min(removed.size(), i + PART))));
        }
        return records;
    }

    /** The node that committed the change a record carries. */
    record Part(String node, CmdbChange change) {}

    static Part decode(String record) {
        JsonObject o;
        try (var reader = JsonP.reader(new StringReader(record))) {
            o = reader.readObject();
        }
        List<CiIdentity> cis = new ArrayList<>();
        for (JsonValue v : o.getJsonArray("cis")) {
            JsonObject c = v.asJsonObject();
            Set<String> ips = new HashSet<>();
            c.getJsonArray("ips").forEach(ip -> ips.add(((JsonString) ip).getString()));
            cis.add(new CiIdentity(c.getJsonNumber("id").longValue(), c.getJsonNumber("version").longValue(),
                    text(c, "name"), text(c, "hostname"), ips, text(c, "ownerGroup")));
        }
        List<RelationEdge> added = new ArrayList<>();
        for (JsonValue v : o.getJsonArray("added")) {
            JsonObject r = v.asJsonObject();
            added.add(new RelationEdge(r.getJsonNumber("id").longValue(), new Edge(r.getJsonNumber("source").longValue(),
                    RelationType.valueOf(r.getString("type")), r.getJsonNumber("target").longValue())));
        }
        List<Long> removed = new ArrayList<>();
        o.getJsonArray("removed").forEach(id -> removed.add(((jakarta.json.JsonNumber) id).longValue()));
        return new Part(o.getString("node"), new CmdbChange(cis, added, removed));
    }

    private static String json(String node, List<CiIdentity> cis, List<RelationEdge> added, List<Long> removed) {
        JsonArrayBuilder c = JsonP.array();
        for (CiIdentity ci : cis) {
            JsonArrayBuilder ips = JsonP.array();
            ci.ips().forEach(ips::add);
            var b = JsonP.object().add("id", ci.id()).add("version", ci.version()).add("ips", ips);
            addText(b, "name", ci.name());
            addText(b, "hostname", ci.hostname());
            addText(b, "ownerGroup", ci.ownerGroup());
            c.add(b);
        }
        JsonArrayBuilder a = JsonP.array();
        for (RelationEdge r : added) {
            a.add(JsonP.object().add("id", r.relationId()).add("source", r.edge().source())
                    .add("type", r.edge().type().name()).add("target", r.edge().target()));
        }
        JsonArrayBuilder rm = JsonP.array();
        removed.forEach(rm::add);
        return JsonP.object().add("node", node).add("cis", c).add("added", a).add("removed", rm).build().toString();
    }

    private static void addText(jakarta.json.JsonObjectBuilder b, String name, String value) {
        if (value != null) {
            b.add(name, value);
        }
    }

    private static String text(JsonObject o, String name) {
        return o.containsKey(name) && !o.isNull(name) ? o.getString(name) : null;
    }
}
