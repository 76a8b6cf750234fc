package io.beacon.incontainer;

import io.beacon.event.ingest.domain.Trap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** SNMPv2c traps as the receiver hands them over (from a trusted relay, so the UDP source counts). */
final class Traps {
    static final String IF_INDEX = "1.3.6.1.2.1.2.2.1.1";
    static final String IF_ADMIN = "1.3.6.1.2.1.2.2.1.7";
    static final String IF_OPER = "1.3.6.1.2.1.2.2.1.8";
    static final String COLD_START = "1.3.6.1.6.3.1.1.5.1";
    static final String LINK_DOWN = "1.3.6.1.6.3.1.1.5.3";
    static final String LINK_UP = "1.3.6.1.6.3.1.1.5.4";

    private Traps() {}

    static Trap v2(String udpSource, String trapOid, Instant at, String... oidValuePairs) {
        List<Trap.VarBind> vbs = new ArrayList<>();
        vbs.add(new Trap.VarBind(Trap.SYS_UPTIME, "12345"));
        vbs.add(new Trap.VarBind(Trap.SNMP_TRAP_OID, trapOid));
        for (int i = 0; i < oidValuePairs.length; i += 2) {
            vbs.add(new Trap.VarBind(oidValuePairs[i], oidValuePairs[i + 1]));
        }
        return new Trap(Trap.Version.V2C, udpSource, null, null, -1, -1, trapOid, vbs, null, false, true, at);
    }

    static Trap linkDown(String udpSource, int ifIndex, Instant at) {
        return v2(udpSource, LINK_DOWN, at, IF_INDEX + "." + ifIndex, String.valueOf(ifIndex),
                IF_ADMIN + "." + ifIndex, "1", IF_OPER + "." + ifIndex, "2");
    }

    static Trap linkUp(String udpSource, int ifIndex, Instant at) {
        return v2(udpSource, LINK_UP, at, IF_INDEX + "." + ifIndex, String.valueOf(ifIndex),
                IF_ADMIN + "." + ifIndex, "1", IF_OPER + "." + ifIndex, "1");
    }
}
