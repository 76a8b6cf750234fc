package io.beacon.platform.domain;

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

    /** The same key and arguments with the English text cut to {@code max} characters. */
    public SystemText cut(int max) {
        return text == null || text.length() <= max ? this : new SystemText(key, args, text.substring(0, max - 1) + "…");
    }

    /** The arguments as a flat JSON object of strings, as the {@code message_args} columns hold them. */
    public String argsJson() {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, String> e : args.entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            quote(json, e.getKey()).append(':');
            quote(json, e.getValue());
        }
        return json.append('}').toString();
    }

    /** Reads what {@link #argsJson()} wrote (a flat object of strings); null or blank is no arguments. */
    public static Map<String, String> parseArgs(String json) {
        Map<String, String> args = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return args;
        }
        int[] at = {skip(json, 0)};
        expect(json, at, '{');
        if (peek(json, at) == '}') {
            return args;
        }
        while (true) {
            String name = string(json, at);
            expect(json, at, ':');
            args.put(name, string(json, at));
            char c = peek(json, at);
            at[0]++;
            if (c == '}') {
                return args;
            }
            if (c != ',') {
                throw new IllegalArgumentException("not a flat JSON object of strings: " + json);
            }
        }
    }

    private static StringBuilder quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    private static int skip(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static char peek(String s, int[] at) {
        at[0] = skip(s, at[0]);
        if (at[0] >= s.length()) {
            throw new IllegalArgumentException("unexpected end of JSON: " + s);
        }
        return s.charAt(at[0]);
    }

    private static void expect(String s, int[] at, char c) {
        if (peek(s, at) != c) {
            throw new IllegalArgumentException("expected '" + c + "' in " + s);
        }
        at[0]++;
    }

    private static String string(String s, int[] at) {
        expect(s, at, '"');
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at[0] >= s.length()) {
                throw new IllegalArgumentException("unterminated string in " + s);
            }
            char c = s.charAt(at[0]++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = s.charAt(at[0]++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(at[0], at[0] + 4), 16));
                    at[0] += 4;
                }
                default -> out.append(e);
            }
        }
    }
}
