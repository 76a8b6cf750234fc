package io.beacon.event.ingest.domain;
import io.beacon.event.domain.CiClue;
import io.beacon.event.domain.EventKind;
import io.beacon.event.domain.EventSource;
import io.beacon.event.domain.NormalisedEvent;
import io.beacon.event.domain.Severity;
import io.beacon.event.domain.Texts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an authenticated trap into a {@link NormalisedEvent}: looks its OID up in the trap
 * definitions (an unknown trap still becomes an indeterminate event named by its OID), lists its CI
 * clues: snmpTrapAddress.0, then the v1 agent-addr, then the UDP source (RFC 3584: a relay or NAT
 * rewrites the UDP source; the two named addresses count only from a trusted relay, since any sender
 * can write them), and builds the reduction key {@code <alarm name>:<ci or address>[:<key fields>]}
 * with the CI left for {@link Attribution} to fill in.
 */
public final class TrapNormaliser {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]{1,120})}");
    private static final int ATTRIBUTES_MAX = 64;

    private final TrapDefinitions definitions;

    public TrapNormaliser(TrapDefinitions definitions) {
        this.definitions = definitions;
    }

    public NormalisedEvent normalise(Trap trap) {
        String oid = trap.notificationOid();
        Optional<TrapDefinition> known = definitions.forOid(oid);
        String relayed = trap.fromTrustedRelay() ? trap.value(Trap.SNMP_TRAP_ADDRESS) : null;
        String agent = trap.fromTrustedRelay() && trap.version() == Trap.Version.V1 && !"0.0.0.0".equals(trap.agentAddress())
                ? trap.agentAddress() : null;
        List<CiClue> clues = List.of(CiClue.ip("snmpTrapAddress", relayed), CiClue.ip("agent-addr", agent),
                CiClue.ip("udp-source", trap.udpSource()));
        String device = NormalisedEvent.literal(
                relayed != null && !relayed.isBlank() ? relayed : agent != null ? agent : trap.udpSource());

        EventKind kind = known.map(TrapDefinition::kind).orElse(EventKind.PROBLEM);
        Severity severity = known.map(d -> severityOf(d, trap)).orElse(Severity.INDETERMINATE);
        String name = known.map(TrapDefinition::name).orElse(NormalisedEvent.literal(oid));
        StringBuilder key = new StringBuilder(NormalisedEvent.literal(known.map(TrapDefinition::alarmName).orElse(oid)))
                .append(':').append(NormalisedEvent.WHERE);
        for (String field : known.map(TrapDefinition::keyFields).orElse(List.of())) {
            String v = binding(trap, field);
            key.append(':').append(v == null ? "" : v);
        }
        String message = known.map(TrapDefinition::message).filter(m -> m != null && !m.isBlank())
                .map(m -> render(NormalisedEvent.literal(m), trap, NormalisedEvent.literal(oid), device))
                .orElseGet(() -> defaultMessage(name, trap));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("snmpVersion", trap.version().name().toLowerCase());
        attributes.put("trapOid", oid);
        attributes.put("udpSource", trap.udpSource());
        if (trap.inform()) {
            attributes.put("inform", "true");
        }
        for (Trap.VarBind v : trap.varbinds()) {
            if (attributes.size() >= ATTRIBUTES_MAX) {
                break;
            }
            attributes.put(v.oid(), Texts.cut(v.value(), 500));
        }
        return NormalisedEvent.unattributed(trap.receivedAt(), EventSource.SNMP, kind, name, severity, key.toString(),
                null, device, message, attributes, clues);
    }

    private static Severity severityOf(TrapDefinition d, Trap trap) {
        for (TrapDefinition.Override o : d.overrides()) {
            String v = trap.value(o.oid());
            if (v != null && v.equals(o.equals())) {
                return o.severity();
            }
        }
        return d.kind() == EventKind.CLEAR ? Severity.CLEARED : d.severity();
    }

    /** A binding by OID (at or below it) or by position among the notification's objects ({@code #1}). */
    static String binding(Trap trap, String ref) {
        return NormalisedEvent.literal(rawBinding(trap, ref));
    }

    private static String rawBinding(Trap trap, String ref) {
        if (ref.startsWith("#")) {
            try {
                int n = Integer.parseInt(ref.substring(1));
                List<Trap.VarBind> objects = trap.objects();
                return n >= 1 && n <= objects.size() ? objects.get(n - 1).value() : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return trap.value(ref);
    }

    private static String render(String template, Trap trap, String oid, String device) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String ref = m.group(1).trim();
            String value = switch (ref) {
                case "ci" -> NormalisedEvent.WHERE;
                case "source" -> device;
                case "oid" -> oid;
                default -> binding(trap, ref);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "?" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String defaultMessage(String name, Trap trap) {
        StringBuilder b = new StringBuilder(name).append(" from ").append(NormalisedEvent.WHERE);
        List<Trap.VarBind> objects = trap.objects();
        for (int i = 0; i < objects.size() && i < 8; i++) {
            b.append(i == 0 ? ": " : ", ").append(NormalisedEvent.literal(objects.get(i).oid())).append('=')
                    .append(NormalisedEvent.literal(objects.get(i).value()));
        }
        return b.toString();
    }
}
