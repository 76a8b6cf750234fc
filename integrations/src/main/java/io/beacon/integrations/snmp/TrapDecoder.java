package io.beacon.integrations.snmp;

import io.beacon.event.ingest.domain.Trap;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.snmp4j.PDU;
import org.snmp4j.PDUv1;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.TransportIpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/** Turns an SNMP4J notification PDU into the server's plain {@link Trap}. */
final class TrapDecoder {
    private TrapDecoder() {}

    static Trap decode(PDU pdu, Trap.Version version, Address peer, String securityName, boolean fromTrustedRelay,
            Instant now) {
        String udpSource = peer instanceof TransportIpAddress ip ? ip.getInetAddress().getHostAddress() : String.valueOf(peer);
        List<Trap.VarBind> varbinds = new ArrayList<>(pdu.size());
        String trapOid = null;
        for (VariableBinding vb : pdu.getVariableBindings()) {
            String oid = vb.getOid().toDottedString();
            varbinds.add(new Trap.VarBind(oid, text(vb.getVariable())));
            if (trapOid == null && vb.getOid().equals(SnmpConstants.snmpTrapOID) && vb.getVariable() instanceof OID o) {
                trapOid = o.toDottedString();
            }
        }
        if (pdu instanceof PDUv1 v1) {
            InetAddress agent = v1.getAgentAddress() == null ? null : v1.getAgentAddress().getInetAddress();
            return new Trap(Trap.Version.V1, udpSource, agent == null ? null : agent.getHostAddress(),
                    v1.getEnterprise() == null ? "" : v1.getEnterprise().toDottedString(), v1.getGenericTrap(),
                    v1.getSpecificTrap(), null, varbinds, securityName, false, fromTrustedRelay, now);
        }
        return new Trap(version, udpSource, null, null, -1, -1, trapOid == null ? "0.0" : trapOid, varbinds, securityName,
                pdu.getType() == PDU.INFORM, fromTrustedRelay, now);
    }

    private static String text(Variable v) {
        if (v instanceof OID o) {
            return o.toDottedString();
        }
        if (v instanceof TimeTicks t) {
            return Long.toString(t.getValue());
        }
        if (v instanceof IpAddress ip) {
            return ip.getInetAddress().getHostAddress();
        }
        return v.toString();
    }
}
