package io.beacon.workflows.decision;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/**
 * A decision table's sample cases ({@code decisions/<key>.cases.json}: inputs and the outputs expected of
 * them; no outputs: no row matches), and the check that a table, shipped or replacing one, gives them.
 */
public final class SampleCases {
    /** One case: the table's inputs and its expected outputs. */
    public record Case(Map<String, Object> inputs, Map<String, Object> outputs) {}

    private SampleCases() {}

    public static String file(String key) {
        return "decisions/" + key + ".cases.json";
    }

    public static List<Case> read(InputStream json) {
        try (JsonReader reader = Json.createReader(json)) {
            List<Case> out = new ArrayList<>();
            for (JsonValue c : reader.readObject().getJsonArray("cases")) {
                out.add(new Case(values(c.asJsonObject().getJsonObject("inputs")),
                        values(c.asJsonObject().getJsonObject("outputs"))));
            }
            return out;
        }
    }

    /** The decision in a DMN file, parsed (not deployed) by a DMN engine of its own: its outputs per inputs. */
    public static Function<Map<String, Object>, Map<String, Object>> parsed(InputStream dmn, String key) {
        DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DmnDecision decision = engine.parseDecision(key, dmn);
        return inputs -> {
            DmnDecisionResultEntries row = engine.evaluateDecision(decision, inputs).getFirstResult();
            return row == null ? Map.of() : row.getEntryMap();
        };
    }

    /** Each case the decision answers otherwise than expected, described; empty when it gives them all. */
    public static List<String> mismatches(List<Case> cases, Function<Map<String, Object>, Map<String, Object>> decision) {
        List<String> out = new ArrayList<>();
        for (Case c : cases) {
            try {
                Map<String, String> actual = strings(decision.apply(c.inputs()));
                if (!actual.equals(strings(c.outputs()))) {
                    out.add(c.inputs() + ": expected " + c.outputs() + ", the table gives " + actual);
                }
            } catch (RuntimeException e) { // e.g. two rows of a UNIQUE table match
                out.add(c.inputs() + ": expected " + c.outputs() + ", the table fails: " + e.getMessage());
            }
        }
        return out;
    }

    private static Map<String, String> strings(Map<String, Object> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, Objects.toString(v, null)));
        return out;
    }

    private static Map<String, Object> values(JsonObject object) {
        Map<String, Object> out = new HashMap<>(); // inputs may be null: a mail without subject
        if (object != null) {
            object.forEach((k, v) -> out.put(k, value(v)));
        }
        return out;
    }

    private static Object value(JsonValue v) {
        return switch (v.getValueType()) {
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((JsonNumber) v).isIntegral() ? (Object) ((JsonNumber) v).longValue()
                    : ((JsonNumber) v).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            default -> throw new IllegalArgumentException("Sample case values are strings, numbers, booleans or null: " + v);
        };
    }
}
