package io.beacon.platform.domain;

import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Text Beacon writes on its own behalf (a note, an incident's description): a message key with
 * named arguments, which each reader sees in their own language, and its English rendering
 * ({@code text}), which is what API clients, mail and search get as plain text. The keys live in
 * the console's bundles ({@code i18n/en.json}, {@code i18n/ko.json}) under the prefix {@code sys.}.
 */
public record SystemText(String key, Map<String, String> args, String text) {

    public SystemText {
        args = args == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /** A key with arguments given as name, value, name, value... (values are turned into strings; null stays empty). */
    public static SystemText of(String key, String text, Object... nameValues) {
        if (nameValues.length % 2 != 0) {
            throw new IllegalArgumentException("arguments come in name/value pairs");
        }
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            args.put(String.valueOf(nameValues[i]), nameValues[i + 1] == null ? "" : String.valueOf(nameValues[i + 1]));
        }
        return new SystemText(key, args, text);
    }

    /**
     * These arguments and, under {@code name}, another text (a reason inside a note): its English text
     * as {@code name}, its key as {@code nameKey} and its arguments as {@code name.arg}, so that the
     * console renders it in the reader's language too. A null {@code inner} leaves {@code name} empty.
     */
    public SystemText nest(String name, SystemText inner) {
        Map<String, String> all = new LinkedHashMap<>(args);
        all.put(name, inner == null ? "" : inner.text() == null ? "" : inner.text());
        if (inner != null) {
            all.put(name + "Key", inner.key());
            inner.args().forEach((k, v) -> all.put(name + "." + k, v));
        }
        return new SystemText(key, all, text);
    }

    /** The same key and arguments with the English text cut to {@code max} characters. */
    public SystemText cut(int max) {
        return text == null || text.length() <= max ? this : new SystemText(key, args, text.substring(0, max - 1) + "…");
    }

    /** The arguments as a flat JSON object of strings, as the {@code message_args} columns hold them. */
    public String argsJson() {
        JsonObjectBuilder json = JsonP.object();
        args.forEach(json::add);
        return json.build().toString();
    }

    /** Reads what {@link #argsJson()} wrote (a flat object of strings); null or blank is no arguments. */
    public static Map<String, String> parseArgs(String json) {
        Map<String, String> args = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return args;
        }
        try (JsonReader reader = JsonP.reader(new StringReader(json))) {
            reader.readObject().forEach((name, value) -> {
                if (!(value instanceof JsonString text)) {
                    throw new IllegalArgumentException("not a flat JSON object of strings: " + json);
                }
                args.put(name, text.getString());
            });
        } catch (JsonException | ClassCastException e) {
            throw new IllegalArgumentException("not a flat JSON object of strings: " + json, e);
        }
        return args;
    }
}
