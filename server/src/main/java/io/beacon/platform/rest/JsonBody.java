package io.beacon.platform.rest;

import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.Validator;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the fields of a JSON request body with errors that name the field, and tells "absent"
 * from "null" (merge-patch semantics). Unknown fields are refused, so that a typo is not
 * silently ignored.
 */
public final class JsonBody {
    private final JsonObject json;
    private final Validator errors = new Validator();

    private JsonBody(JsonObject json) {
        this.json = json;
    }

    public static JsonBody of(JsonObject json, Set<String> allowedFields) {
        if (json == null) {
            throw new InvalidInputException("body", "a JSON object is required");
        }
        JsonBody body = new JsonBody(json);
        Set<String> unknown = new TreeSet<>(json.keySet());
        unknown.removeAll(allowedFields);
        unknown.forEach(f -> body.errors.add(f, "is not a field of this request (known: " + new TreeSet<>(allowedFields) + ")"));
        return body;
    }

    public boolean has(String field) {
        return json.containsKey(field);
    }

    /** The text of a field; a number or boolean is taken as its text; absent or null gives null. */
    public String string(String field) {
        JsonValue v = json.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return switch (v.getValueType()) {
            case STRING -> ((JsonString) v).getString();
            case NUMBER, TRUE, FALSE -> v.toString();
            default -> {
                errors.add(field, "must be a string");
                yield null;
            }
        };
    }

    /** Absent: null. Present as null: an empty Optional (clear it). Present: its text. */
    public Optional<String> clearable(String field) {
        if (!has(field)) {
            return null;
        }
        String s = string(field);
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    public Long number(String field) {
        JsonValue v = json.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        Long n = asLong(v);
        if (n == null) {
            errors.add(field, "must be a whole number");
        }
        return n;
    }

    public Boolean bool(String field) {
        JsonValue v = json.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (v.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        errors.add(field, "must be true or false");
        return null;
    }

    /** A list of ids; absent or null gives null. */
    public List<Long> numbers(String field) {
        JsonValue v = json.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            errors.add(field, "must be an array of ids");
            return null;
        }
        List<Long> out = new ArrayList<>();
        for (JsonValue item : v.asJsonArray()) {
            Long n = asLong(item);
            if (n == null) {
                errors.add(field, "must hold whole numbers only");
                return null;
            }
            out.add(n);
        }
        return out;
    }

    /** Throws one 422 naming every bad field found so far. */
    public void validate() {
        errors.throwIfInvalid();
    }

    private static Long asLong(JsonValue v) {
        if (v.getValueType() == JsonValue.ValueType.NUMBER && ((JsonNumber) v).isIntegral()) {
            try {
                return ((JsonNumber) v).longValueExact();
            } catch (ArithmeticException tooLarge) {
                return null;
            }
        }
        if (v.getValueType() == JsonValue.ValueType.STRING) {
            String s = ((JsonString) v).getString().strip();
            if (!s.isEmpty() && s.length() < 19 && s.chars().allMatch(Character::isDigit)) {
                return Long.parseLong(s);
            }
        }
        return null;
    }
}
