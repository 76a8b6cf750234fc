package io.beacon.integrations.camel;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * Writes what travels through the inbound routes (records of strings, numbers, enums, instants,
 * lists and maps) as one line of JSON, so that a dead letter can be read by a person and by jq.
 * Anything else is written as its {@code toString()}; nesting deeper than a sane payload is cut.
 */
final class JsonText {
    private static final int MAX_DEPTH = 16;

    private JsonText() {}

    static String of(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.toString();
    }

    static void write(Object value, StringBuilder out, int depth) {
        if (value == null || value instanceof Future<?>) {
            out.append("null"); // a sender's pending answer is no part of what it sent
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte) {
            out.append(value);
        } else if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
            out.append(value);
        } else if (depth >= MAX_DEPTH) {
            string("(nested too deep)", out);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                first = comma(first, out);
                string(String.valueOf(e.getKey()), out);
                out.append(':');
                write(e.getValue(), out, depth + 1);
            }
            out.append('}');
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                first = comma(first, out);
                write(item, out, depth + 1);
            }
            out.append(']');
        } else if (value.getClass().isArray() && !(value instanceof byte[])) {
            out.append('[');
            for (int i = 0; i < Array.getLength(value); i++) {
                comma(i == 0, out);
                write(Array.get(value, i), out, depth + 1);
            }
            out.append(']');
        } else if (value instanceof Record record) {
            out.append('{');
            boolean first = true;
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                first = comma(first, out);
                string(c.getName(), out);
                out.append(':');
                write(component(record, c), out, depth + 1);
            }
            out.append('}');
        } else {
            string(String.valueOf(value), out);
        }
    }

    private static Object component(Record record, RecordComponent c) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static boolean comma(boolean first, StringBuilder out) {
        if (!first) {
            out.append(',');
        }
        return false;
    }

    static void string(String s, StringBuilder out) {
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
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
