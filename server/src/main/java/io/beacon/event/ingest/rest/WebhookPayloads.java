package io.beacon.event.ingest.rest;

import io.beacon.platform.domain.JsonP;
import io.beacon.event.ingest.application.GenericEvent;
import io.beacon.event.ingest.domain.AlertmanagerAlert;
import io.beacon.event.domain.Severity;
import io.beacon.platform.domain.FieldError;
import io.beacon.platform.domain.InvalidInputException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the Alertmanager (version 4) and generic event payloads, with errors that name the field. */
final class WebhookPayloads {
    static final int MAX_ALERTS = 10_000;
    private static final Set<String> GENERIC_FIELDS = Set.of("source", "ci", "severity", "name", "message", "key",
            "clear", "attributes");

    private WebhookPayloads() {}

    static JsonObject parse(byte[] bytes) {
        try (JsonReader r = JsonP.reader(new ByteArrayInputStream(bytes))) {
            return r.readObject();
        }
    }

    static List<AlertmanagerAlert> alertmanager(JsonObject root) {
        List<FieldError> errors = new ArrayList<>();
        JsonValue version = root.get("version");
        if (version != null && !(version instanceof JsonString s && "4".equals(s.getString()))) {
            throw new InvalidInputException("version", "only Alertmanager webhook payload version \"4\" is understood");
        }
        JsonValue alertsValue = root.get("alerts");
        if (!(alertsValue instanceof JsonArray alerts)) {
            throw new InvalidInputException("alerts", "must be an array of alerts");
        }
        if (alerts.size() > MAX_ALERTS) {
            throw new InvalidInputException("alerts", "at most " + MAX_ALERTS + " alerts per delivery");
        }
        List<AlertmanagerAlert> out = new ArrayList<>(alerts.size());
        for (int i = 0; i < alerts.size(); i++) {
            String at = "alerts[" + i + "]";
            if (!(alerts.get(i) instanceof JsonObject a)) {
                errors.add(new FieldError(at, "must be an object"));
                continue;
            }
            String status = text(a, "status");
            if (!"firing".equals(status) && !"resolved".equals(status)) {
                errors.add(new FieldError(at + ".status", "must be firing or resolved"));
            }
            Map<String, String> labels = strings(a, "labels", at, errors);
            if (labels.isEmpty()) {
                errors.add(new FieldError(at + ".labels", "must name the alert (alertname) and its labels"));
            }
            String startsAt = text(a, "startsAt");
            if (startsAt == null || startsAt.isBlank()) {
                errors.add(new FieldError(at + ".startsAt", "is required"));
            }
            out.add(new AlertmanagerAlert(status, labels, strings(a, "annotations", at, errors), startsAt,
                    text(a, "endsAt"), text(a, "fingerprint"), text(a, "generatorURL")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return out;
    }

    static GenericEvent genericEvent(JsonObject json) {
        List<FieldError> errors = new ArrayList<>();
        for (String field : json.keySet()) {
            if (!GENERIC_FIELDS.contains(field)) {
                errors.add(new FieldError(field, "is not a field of an event (known: " + GENERIC_FIELDS + ")"));
            }
        }
        String name = text(json, "name");
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.length() > 200) {
            errors.add(new FieldError("name", "at most 200 characters"));
        }
        String key = text(json, "key");
        if (key != null && key.length() > 400) {
            errors.add(new FieldError("key", "at most 400 characters"));
        }
        String severityText = text(json, "severity");
        Severity severity = severityText == null ? null : Severity.parse(severityText);
        if (severityText != null && severity == null) {
            errors.add(new FieldError("severity", "must be critical, major, minor, warning, indeterminate or normal"));
        }
        JsonValue clearValue = json.get("clear");
        boolean clear = clearValue == JsonValue.TRUE;
        if (clearValue != null && clearValue != JsonValue.TRUE && clearValue != JsonValue.FALSE
                && clearValue.getValueType() != JsonValue.ValueType.NULL) {
            errors.add(new FieldError("clear", "must be true or false"));
        }
        Map<String, String> attributes = strings(json, "attributes", "", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new GenericEvent(text(json, "source"), text(json, "ci"), severity, name.strip(), text(json, "message"),
                key, clear, attributes);
    }

    private static String text(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return v instanceof JsonString s ? s.getString() : v.toString();
    }

    private static Map<String, String> strings(JsonObject o, String field, String at, List<FieldError> errors) {
        JsonValue v = o.get(field);
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return out;
        }
        if (!(v instanceof JsonObject obj)) {
            errors.add(new FieldError((at.isEmpty() ? "" : at + ".") + field, "must be an object of strings"));
            return out;
        }
        obj.forEach((k, value) -> out.put(k, value instanceof JsonString s ? s.getString() : value.toString()));
        return out;
    }
}
