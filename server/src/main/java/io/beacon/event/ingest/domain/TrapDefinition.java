package io.beacon.event.ingest.domain;
import io.beacon.event.domain.EventKind;
import io.beacon.event.domain.Severity;

import java.util.List;

/**
 * What a notification OID means: its name, severity, whether it raises, clears (the alarm of the
 * trap named in {@code clears}) or only informs, the bindings that tell one affected sub-object
 * from another (they go into the reduction key: ifIndex for linkDown), a message template, and
 * severity overrides by binding value (an administratively downed port is no outage).
 *
 * <p>Key fields and placeholders name a binding by OID (the first binding at or below it), or by
 * position among the notification's objects ({@code #1} is the first). Templates use
 * {@code {<oid or #n>}}, {@code {ci}}, {@code {source}} and {@code {oid}}.
 */
public record TrapDefinition(String oid, String name, Severity severity, EventKind kind, String clears,
        List<String> keyFields, String message, List<Override> overrides, String origin) {

    /** When the binding at {@code oid} equals {@code equals}, the event gets {@code severity}. */
    public record Override(String oid, String equals, Severity severity) {}

    public TrapDefinition {
        keyFields = keyFields == null ? List.of() : List.copyOf(keyFields);
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }

    /** The name of the alarm this definition's events fold into: its own, or the one it clears. */
    public String alarmName() {
        return kind == EventKind.CLEAR && clears != null ? clears : name;
    }
}
