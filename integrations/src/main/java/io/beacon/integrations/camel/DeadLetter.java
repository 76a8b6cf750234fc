package io.beacon.integrations.camel;

import java.time.Instant;

/**
 * One input that failed a stage of an inbound route, as kept for the operator: {@code channel} is
 * the route it came in by, {@code route} the one it failed in, {@code reason} the exception's simple
 * class name (as counted at /metrics), {@code input} what the failing stage was given.
 */
record DeadLetter(String id, Instant at, String channel, String route, String reason, String message, Object input) {

    /** One JSON line: the fields above, and the input's Java type so that it can be replayed by hand. */
    String json() {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"id\":");
        JsonText.string(id, out);
        out.append(",\"at\":");
        JsonText.string(at.toString(), out);
        out.append(",\"channel\":");
        JsonText.write(channel, out, 0);
        out.append(",\"route\":");
        JsonText.write(route, out, 0);
        out.append(",\"reason\":");
        JsonText.write(reason, out, 0);
        out.append(",\"message\":");
        JsonText.write(message, out, 0);
        out.append(",\"inputType\":");
        JsonText.write(input == null ? null : input.getClass().getName(), out, 0);
        out.append(",\"input\":");
        JsonText.write(input, out, 0);
        return out.append('}').toString();
    }
}
