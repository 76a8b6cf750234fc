package io.beacon.cmdb.rest;

import io.beacon.cmdb.application.CiChanges;
import io.beacon.cmdb.application.CiImportRow;
import io.beacon.platform.domain.InvalidInputException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads CI bodies leniently but exactly: which fields are present, and a 422 naming any of the wrong shape. */
final class CiJson {
    static final List<String> FIELDS = List.of("name", "type", "hostname", "ipAddresses", "ownerGroup",
            "description", "attributes");

    private CiJson() {}

    /** The fields the object carries, as a merge-patch. */
    static CiChanges changes(JsonObject o, boolean replaceAttributes) {
        Set<String> present = new LinkedHashSet<>();
        for (String f : FIELDS) {
            if (o.containsKey(f)) {
                present.add(f);
            }
        }
        Map<String, String> attributes = null;
        boolean clearAttributes = false;
        JsonValue attrs = o.get("attributes");
        if (attrs != null && attrs.getValueType() == JsonValue.ValueType.OBJECT) {
            attributes = new HashMap<>();
            for (Map.Entry<String, JsonValue> e : attrs.asJsonObject().entrySet()) {
                attributes.put(e.getKey(), text(e.getValue(), "attributes"));
            }
        } else if (attrs != null && attrs.getValueType() == JsonValue.ValueType.NULL) {
            clearAttributes = true;
        } else if (attrs != null) {
            throw new InvalidInputException("attributes", "must be an object of names and values");
        }
        return new CiChanges(present, text(o.get("name"), "name"), text(o.get("type"), "type"),
                text(o.get("hostname"), "hostname"), addresses(o.get("ipAddresses")),
                text(o.get("ownerGroup"), "ownerGroup"), text(o.get("description"), "description"), attributes,
                replaceAttributes || clearAttributes);
    }

    static String text(JsonValue v, String field) {
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return switch (v.getValueType()) {
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((JsonNumber) v).toString();
            case TRUE -> "true";
            case FALSE -> "false";
            default -> throw new InvalidInputException(field, "must be a string");
        };
    }

    /** A JSON array of addresses, or one string of them separated by ";", "," or spaces. */
    static List<String> addresses(JsonValue v) {
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() == JsonValue.ValueType.STRING) {
            return split(((JsonString) v).getString(), "[;,\\s]+");
        }
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidInputException("ipAddresses", "must be an array of addresses");
        }
        List<String> out = new ArrayList<>();
        for (JsonValue item : v.asJsonArray()) {
            out.add(text(item, "ipAddresses"));
        }
        return out;
    }

    static List<String> split(String s, String regex) {
        return s == null ? List.of() : Arrays.stream(s.trim().split(regex)).filter(x -> !x.isBlank()).toList();
    }

    static Long number(JsonValue v, String field) {
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonNumber n && n.isIntegral()) {
            return n.longValue();
        }
        if (v instanceof JsonString s && s.getString().trim().matches("\\d{1,18}")) {
            return Long.parseLong(s.getString().trim());
        }
        throw new InvalidInputException(field, "must be a whole number");
    }

    /** The items of a JSON import: {"items":[...]} or a bare array; each item may carry "relations". */
    static List<CiImportRow> importRows(JsonValue body) {
        JsonArray array;
        if (body.getValueType() == JsonValue.ValueType.ARRAY) {
            array = body.asJsonArray();
        } else if (body.getValueType() == JsonValue.ValueType.OBJECT
                && body.asJsonObject().get("items") instanceof JsonArray items) {
            array = items;
        } else {
            throw new InvalidInputException("items", "send {\"items\": [...]} or an array of CIs");
        }
        List<CiImportRow> rows = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonValue item = array.get(i);
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                rows.add(CiImportRow.unreadable("index", i, "not a JSON object"));
                continue;
            }
            JsonObject o = item.asJsonObject();
            try {
                rows.add(new CiImportRow("index", i, changes(o, true), links(o), null));
            } catch (InvalidInputException e) {
                String name = o.get("name") instanceof JsonString s ? s.getString() : null;
                rows.add(new CiImportRow("index", i, name == null ? null : nameOnly(name), List.of(), e.getMessage()));
            }
        }
        return rows;
    }

    private static List<CiImportRow.Link> links(JsonObject o) {
        JsonValue v = o.get("relations");
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidInputException("relations", "must be an array of {\"type\", \"target\"}");
        }
        List<CiImportRow.Link> links = new ArrayList<>();
        for (JsonValue l : v.asJsonArray()) {
            if (l.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidInputException("relations", "must be an array of {\"type\", \"target\"}");
            }
            JsonObject lo = l.asJsonObject();
            links.add(new CiImportRow.Link(text(lo.get("type"), "relations"), text(lo.get("target"), "relations")));
        }
        return links;
    }

    static CiChanges nameOnly(String name) {
        return new CiChanges(Set.of("name"), name, null, null, null, null, null, null, false);
    }
}
