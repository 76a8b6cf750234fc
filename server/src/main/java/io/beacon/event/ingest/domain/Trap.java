package io.beacon.event.ingest.domain;

import java.time.Instant;
import java.util.List;

/**
 * An SNMP notification as it arrived, already authenticated: the fields of a v1 Trap-PDU
 * (enterprise, agent-addr, generic and specific trap) or the snmpTrapOID of a v2c/v3 trap or
 * INFORM, the variable bindings as text, and the UDP source. Plain data, no SNMP library types.
 * {@code fromTrustedRelay}: the UDP source is a relay the operator trusts to name the device it
 * speaks for (v1 agent-addr, snmpTrapAddress.0); anyone else could name any device.
 */
public record Trap(Version version, String udpSource, String agentAddress, String enterprise, int genericTrap,
        int specificTrap, String trapOid, List<VarBind> varbinds, String securityName, boolean inform,
        boolean fromTrustedRelay, Instant receivedAt) {

    public static final String SYS_UPTIME = "1.3.6.1.2.1.1.3.0";
    public static final String SNMP_TRAP_OID = "1.3.6.1.6.3.1.1.4.1.0";
    public static final String SNMP_TRAP_ADDRESS = "1.3.6.1.6.3.18.1.3.0";
    public static final String SNMP_TRAP_ENTERPRISE = "1.3.6.1.6.3.1.1.4.3.0";
    static final String STANDARD_TRAPS = "1.3.6.1.6.3.1.1.5";

    public enum Version { V1, V2C, V3 }

    /** One variable binding: the instance OID and its value as text. */
    public record VarBind(String oid, String value) {}

    public Trap {
        varbinds = varbinds == null ? List.of() : List.copyOf(varbinds);
    }

    /**
     * The notification's identity in v2 form. A v1 trap is translated by RFC 3584 §3.1: a generic
     * trap 0..5 becomes snmpTraps.(generic+1), an enterprise-specific one enterprise.0.specific.
     */
    public String notificationOid() {
        if (version != Version.V1) {
            return trapOid;
        }
        if (genericTrap >= 0 && genericTrap <= 5) {
            return STANDARD_TRAPS + "." + (genericTrap + 1);
        }
        return enterprise + ".0." + specificTrap;
    }

    /** The bindings that carry the notification's objects (without sysUpTime.0 and snmpTrapOID.0). */
    public List<VarBind> objects() {
        return varbinds.stream().filter(v -> !SYS_UPTIME.equals(v.oid()) && !SNMP_TRAP_OID.equals(v.oid())).toList();
    }

    /** The value of the first binding at {@code oid} itself or below it (an instance of that column). */
    public String value(String oid) {
        for (VarBind v : varbinds) {
            if (v.oid().equals(oid) || v.oid().startsWith(oid + ".")) {
                return v.value();
            }
        }
        return null;
    }
}
