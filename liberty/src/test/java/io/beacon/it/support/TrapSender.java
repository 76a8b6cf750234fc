package io.beacon.it.support;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.PDUv1;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.UserTarget;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.GenericAddress;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * A real SNMP agent sending notifications over UDP to the test server, with SNMP4J: v1 and v2c
 * traps, INFORMs (waiting for the answer), and v3 with this sender as the authoritative engine
 * for traps (its own engine ID) and the receiver as authoritative for INFORMs (discovered).
 */
public final class TrapSender implements Closeable {
    public static final String IF_INDEX = "1.3.6.1.2.1.2.2.1.1";
    public static final String IF_ADMIN = "1.3.6.1.2.1.2.2.1.7";
    public static final String IF_OPER = "1.3.6.1.2.1.2.2.1.8";
    public static final OID LINK_DOWN = new OID("1.3.6.1.6.3.1.1.5.3");
    public static final OID LINK_UP = new OID("1.3.6.1.6.3.1.1.5.4");
    public static final OID SNMP_TRAP_ADDRESS = new OID("1.3.6.1.6.3.18.1.3.0");

    private final Snmp snmp;
    private final USM usm;
    private final byte[] engineId;
    private final Address target;

    public TrapSender(int port) throws IOException {
        this(port, "127.0.0.1");
    }

    /** A sender on another local address ({@code 127.0.0.0/8} is all local on Linux): a device of its own. */
    public TrapSender(int port, String localAddress) throws IOException {
        this.target = GenericAddress.parse("udp:127.0.0.1/" + port);
        this.engineId = MPv3.createLocalEngineID(new OctetString("it-" + System.nanoTime()));
        SecurityProtocols protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.maxCompatibility);
        protocols.addAuthenticationProtocol(new AuthHMAC192SHA256());
        protocols.addPrivacyProtocol(new PrivAES256());
        this.usm = new USM(protocols, new OctetString(engineId), 1);
        DefaultUdpTransportMapping transport = new DefaultUdpTransportMapping(new UdpAddress(localAddress + "/0"));
        org.snmp4j.MessageDispatcherImpl dispatcher = new org.snmp4j.MessageDispatcherImpl();
        dispatcher.addMessageProcessingModel(new org.snmp4j.mp.MPv1());
        dispatcher.addMessageProcessingModel(new org.snmp4j.mp.MPv2c());
        // Our own MPv3: for a trap the sender's engine is authoritative, and that must be this engine ID.
        dispatcher.addMessageProcessingModel(new MPv3(engineId, null, protocols,
                SecurityModels.getCollection(new org.snmp4j.security.SecurityModel[] {usm}), new org.snmp4j.mp.CounterSupport()));
        this.snmp = new Snmp(dispatcher, transport);
        // Snmp's own MPv3 reads the JVM-wide registry; in this test JVM the sender's USM may live there.
        SecurityModels.getInstance().addSecurityModel(usm);
        snmp.listen();
    }

    /** A v2c linkDown or linkUp with the interface's bindings; {@code relayedFor} adds snmpTrapAddress.0. */
    public static PDU link(OID trap, int ifIndex, String relayedFor, int type) {
        PDU pdu = type == PDU.INFORM || type == PDU.TRAP ? new PDU() : new ScopedPDU();
        pdu.setType(type);
        pdu.add(new VariableBinding(SnmpConstants.sysUpTime, new TimeTicks(4242)));
        pdu.add(new VariableBinding(SnmpConstants.snmpTrapOID, trap));
        pdu.add(new VariableBinding(new OID(IF_INDEX + "." + ifIndex), new Integer32(ifIndex)));
        pdu.add(new VariableBinding(new OID(IF_ADMIN + "." + ifIndex), new Integer32(1)));
        pdu.add(new VariableBinding(new OID(IF_OPER + "." + ifIndex), new Integer32(trap.equals(LINK_DOWN) ? 2 : 1)));
        if (relayedFor != null) {
            pdu.add(new VariableBinding(SNMP_TRAP_ADDRESS, new IpAddress(relayedFor)));
        }
        return pdu;
    }

    public void v2c(String community, PDU pdu) throws IOException {
        snmp.send(pdu, community(community, SnmpConstants.version2c));
    }

    /** Sends a v2c INFORM and answers the Response-PDU (null when none came within the timeout). */
    public PDU inform(String community, PDU pdu, long timeoutMillis) throws IOException {
        CommunityTarget<Address> t = community(community, SnmpConstants.version2c);
        t.setTimeout(timeoutMillis);
        t.setRetries(0);
        pdu.setType(PDU.INFORM);
        ResponseEvent<Address> r = snmp.send(pdu, t);
        return r == null ? null : r.getResponse();
    }

    /** A v1 linkDown/linkUp (generic 2/3) from {@code agentAddr}, ifIndex as its first binding. */
    public void v1Link(String community, boolean down, String agentAddr, int ifIndex) throws IOException {
        PDUv1 pdu = new PDUv1();
        pdu.setType(PDU.V1TRAP);
        pdu.setEnterprise(new OID("1.3.6.1.4.1.9.1.1"));
        pdu.setGenericTrap(down ? PDUv1.LINKDOWN : PDUv1.LINKUP);
        pdu.setSpecificTrap(0);
        pdu.setAgentAddress(new IpAddress(InetAddress.getByName(agentAddr)));
        pdu.setTimestamp(4242);
        pdu.add(new VariableBinding(new OID(IF_INDEX + "." + ifIndex), new Integer32(ifIndex)));
        snmp.send(pdu, community(community, SnmpConstants.version1));
    }

    /** A v1 enterprise-specific trap (generic 6). */
    public void v1Enterprise(String community, String enterprise, int specific, String agentAddr,
            List<VariableBinding> bindings) throws IOException {
        PDUv1 pdu = new PDUv1();
        pdu.setType(PDU.V1TRAP);
        pdu.setEnterprise(new OID(enterprise));
        pdu.setGenericTrap(PDUv1.ENTERPRISE_SPECIFIC);
        pdu.setSpecificTrap(specific);
        pdu.setAgentAddress(new IpAddress(InetAddress.getByName(agentAddr)));
        bindings.forEach(pdu::add);
        snmp.send(pdu, community(community, SnmpConstants.version1));
    }

    /** A v3 trap, authPriv; this sender is the authoritative engine (its keys are localised to its engine ID). */
    public void v3Trap(String user, OID auth, String authPass, OID priv, String privPass, PDU pdu) throws IOException {
        OctetString name = new OctetString(user);
        usm.removeAllUsers(name);
        usm.addUser(name, new OctetString(engineId), new UsmUser(name, auth, new OctetString(authPass), priv,
                new OctetString(privPass)));
        UserTarget<Address> t = new UserTarget<>(target, name, engineId, SecurityLevel.AUTH_PRIV);
        t.setVersion(SnmpConstants.version3);
        ScopedPDU scoped = new ScopedPDU();
        scoped.setType(PDU.TRAP);
        scoped.addAll(pdu.getVariableBindings());
        snmp.send(scoped, t);
    }

    /** A v3 INFORM, authPriv; the receiver is authoritative: its engine ID is discovered first. */
    public PDU v3Inform(String user, OID auth, String authPass, OID priv, String privPass, PDU pdu, long timeoutMillis)
            throws IOException {
        OctetString name = new OctetString(user);
        usm.removeAllUsers(name);
        usm.addUser(name, new UsmUser(name, auth, new OctetString(authPass), priv, new OctetString(privPass)));
        UserTarget<Address> t = new UserTarget<>(target, name, new byte[0], SecurityLevel.AUTH_PRIV);
        t.setVersion(SnmpConstants.version3);
        t.setTimeout(timeoutMillis);
        t.setRetries(1);
        ScopedPDU scoped = new ScopedPDU();
        scoped.setType(PDU.INFORM);
        scoped.addAll(pdu.getVariableBindings());
        ResponseEvent<Address> r = snmp.send(scoped, t);
        return r == null ? null : r.getResponse();
    }

    /** The BER bytes of a v2c message holding {@code pdu}, as an agent would put them into a datagram. */
    public static byte[] encodedV2cTrap(String community, PDU pdu) throws IOException {
        Integer32 version = new Integer32(SnmpConstants.version2c);
        OctetString comm = new OctetString(community);
        int length = version.getBERLength() + comm.getBERLength() + pdu.getBERLength();
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(length + 16);
        org.snmp4j.asn1.BEROutputStream out = new org.snmp4j.asn1.BEROutputStream(buffer);
        org.snmp4j.asn1.BER.encodeHeader(out, org.snmp4j.asn1.BER.SEQUENCE, length);
        version.encodeBER(out);
        comm.encodeBER(out);
        pdu.encodeBER(out);
        return java.util.Arrays.copyOf(buffer.array(), buffer.position());
    }

    public static OID sha() {
        return AuthSHA.ID;
    }

    public static OID sha256() {
        return AuthHMAC192SHA256.ID;
    }

    public static OID aes() {
        return PrivAES128.ID;
    }

    public static OID aes256() {
        return PrivAES256.ID;
    }

    private CommunityTarget<Address> community(String community, int version) {
        CommunityTarget<Address> t = new CommunityTarget<>(target, new OctetString(community));
        t.setVersion(version);
        return t;
    }

    @Override
    public void close() throws IOException {
        snmp.close();
    }
}
