package io.beacon.integrations.snmp;

import io.beacon.event.ingest.application.IngestMetrics;
import io.beacon.event.ingest.domain.Trap;
import io.beacon.platform.startup.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import io.beacon.platform.cluster.NodeRole;
import io.beacon.platform.cluster.NodeSettings;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.camel.ProducerTemplate;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.MessageException;
import org.snmp4j.PDU;
import org.snmp4j.event.CounterEvent;
import org.snmp4j.event.CounterListener;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.security.AuthHMAC128SHA224;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthHMAC256SHA384;
import org.snmp4j.security.AuthHMAC384SHA512;
import org.snmp4j.security.AuthMD5;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.Priv3DES;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES192;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.PrivDES;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TransportIpAddress;
import org.snmp4j.smi.UdpAddress;

/**
 * Beacon's SNMP trap receiver, on SNMP4J directly: its own dispatcher, v1/v2c/v3 message
 * processing and a USM with every user of {@code BEACON_SNMP_V3_USERS} (nothing registered in
 * SNMP4J's JVM-wide singletons). Traps from a wrong community (or any v1/v2c trap while no
 * community is configured), an unknown user, with bad keys or below their user's security level
 * are counted by reason and never processed. Good ones go into the trap route
 * ({@link SnmpTrapRoute}) on the receiving thread, with how to answer an INFORM; the route answers
 * it once the event holding it has been committed. Only the senders of
 * {@code BEACON_SNMP_TRUSTED_RELAYS} may name the device a trap is about.
 */
@ApplicationScoped
public class SnmpTrapReceiver implements CommandResponder, CounterListener {
    private static final Logger LOG = Logger.getLogger(SnmpTrapReceiver.class.getName());

    private static final Map<OID, String> REJECTIONS = Map.ofEntries(
            Map.entry(SnmpConstants.usmStatsUnknownUserNames, "unknown_user"),
            Map.entry(SnmpConstants.usmStatsUnknownEngineIDs, "unknown_engine_id"),
            Map.entry(SnmpConstants.usmStatsWrongDigests, "wrong_digest"),
            Map.entry(SnmpConstants.usmStatsDecryptionErrors, "decryption_error"),
            Map.entry(SnmpConstants.usmStatsNotInTimeWindows, "not_in_time_window"),
            Map.entry(SnmpConstants.usmStatsUnsupportedSecLevels, "unsupported_security_level"),
            Map.entry(SnmpConstants.snmpInASNParseErrs, "parse_error"),
            Map.entry(SnmpConstants.snmpInBadVersions, "bad_version"),
            Map.entry(SnmpConstants.snmpUnknownSecurityModels, "unknown_security_model"),
            Map.entry(SnmpConstants.snmpInvalidMsgs, "invalid_message"),
            Map.entry(SnmpConstants.snmpUnknownPDUHandlers, "unknown_pdu_handler"));

    @Inject
    SnmpSettings settings;

    @Inject
    IngestMetrics metrics;

    @Inject
    ProducerTemplate producer;

    @Inject
    NodeSettings node;

    private TrapSockets transport;
    private ReceiveQueue receiveQueue;
    private CommunityCheck communities;
    private TrustedRelays relays;
    private volatile boolean running;
    private byte[] engineId;

    /** After the Camel context (default priority) has started. */
    void start(@Observes @Priority(3000) StartupEvent started) {
        if (settings.trapPort() <= 0) {
            LOG.info("SNMP trap receiver off (BEACON_SNMP_TRAP_PORT=0)");
            return;
        }
        if (node.role() == NodeRole.CORE) {
            LOG.info("SNMP trap receiver off on a core node (BEACON_NODE_ROLE=core): collectors receive traps");
            return;
        }
        try {
            open();
        } catch (IOException | RuntimeException e) {
            // Never stops the server: the desk works without traps; the log says why.
            LOG.log(Level.SEVERE, "The SNMP trap receiver could not start on " + settings.trapHost() + ":"
                    + settings.trapPort() + ": " + e.getMessage(), e);
        }
    }

    private void open() throws IOException {
        EngineState.State state = EngineState.load(settings.snmpStateDir());
        engineId = state.engineId();
        communities = new CommunityCheck(settings.communities());
        relays = TrustedRelays.parse(settings.trustedRelays());
        CounterSupport counters = new CounterSupport();
        counters.addCounterListener(this);
        SecurityProtocols protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.none);
        protocols.addAuthenticationProtocol(new AuthMD5());
        protocols.addAuthenticationProtocol(new AuthSHA());
        protocols.addAuthenticationProtocol(new AuthHMAC128SHA224());
        protocols.addAuthenticationProtocol(new AuthHMAC192SHA256());
        protocols.addAuthenticationProtocol(new AuthHMAC256SHA384());
        protocols.addAuthenticationProtocol(new AuthHMAC384SHA512());
        protocols.addPrivacyProtocol(new PrivDES());
        protocols.addPrivacyProtocol(new Priv3DES());
        protocols.addPrivacyProtocol(new PrivAES128());
        protocols.addPrivacyProtocol(new PrivAES192());
        protocols.addPrivacyProtocol(new PrivAES256());
        USM usm = new StrictUsm(protocols, new OctetString(engineId), state.boots(), counters, metrics::trapRejected);
        usm.setEngineDiscoveryEnabled(true);
        List<UsmUserEntry> users = UsmUserEntry.parseAll(settings.v3Users());
        for (UsmUserEntry u : users) {
            addUser(usm, u);
        }
        SecurityModels models = SecurityModels.getCollection(new SecurityModel[] {usm});
        MessageDispatcherImpl core = new MessageDispatcherImpl();
        core.addCounterListener(this);
        core.addMessageProcessingModel(new MPv1());
        core.addMessageProcessingModel(new MPv2c());
        MPv3 mpv3 = new MPv3(engineId, null, protocols, models, counters);
        core.addMessageProcessingModel(mpv3);
        // One socket per decoding thread on the same port: more kernel buffer and more threads draining it in a storm.
        transport = new TrapSockets(new UdpAddress(InetAddress.getByName(settings.trapHost()), settings.trapPort()),
                settings.snmpThreads(), settings.receiveBufferBytes());
        core.addTransportMapping(transport);
        core.addCommandResponder(this);
        receiveQueue = new ReceiveQueue(settings.receiveQueueSize(), settings.snmpThreads(), core, metrics);
        transport.addTransportListener(receiveQueue);
        running = true;
        transport.listen();
        LOG.info("SNMP trap receiver listening on UDP " + settings.trapHost() + ":" + settings.trapPort()
                + " (v1/v2c communities: " + communities.size() + ", v3 users: " + users.size()
                + ", trusted relays: " + relays.size()
                + ", engine ID " + new OctetString(engineId).toHexString() + ", boots " + state.boots()
                + ", " + transport.socketCount() + " socket(s), receive buffer asked " + settings.receiveBufferBytes()
                + " bytes each, granted " + transport.grantedBufferBytes() + ")");
        long cap = transport.kernelCapBelowAsked();
        if (cap >= 0) {
            LOG.warning("The SNMP trap port got a receive buffer of " + cap + " bytes per socket, not the "
                    + settings.receiveBufferBytes() + " asked (BEACON_SNMP_RECEIVE_BUFFER_BYTES): the kernel caps it at"
                    + " net.core.rmem_max. A trap storm overflows it during any pause and the kernel drops traps"
                    + " uncounted; raise it: sysctl -w net.core.rmem_max=" + settings.receiveBufferBytes()
                    + " (and in /etc/sysctl.d/ to keep it)");
        }
        if (communities.size() == 0) {
            LOG.info("SNMP v1/v2c traps are refused: no community configured (BEACON_SNMP_COMMUNITY)");
        }
    }

    static void addUser(USM usm, UsmUserEntry u) {
        OID auth = u.auth() == null ? null : switch (u.auth()) {
            case "MD5" -> AuthMD5.ID;
            case "SHA" -> AuthSHA.ID;
            case "SHA-224" -> AuthHMAC128SHA224.ID;
            case "SHA-256" -> AuthHMAC192SHA256.ID;
            case "SHA-384" -> AuthHMAC256SHA384.ID;
            default -> AuthHMAC384SHA512.ID;
        };
        OID priv = u.priv() == null ? null : switch (u.priv()) {
            case "DES" -> PrivDES.ID;
            case "3DES" -> Priv3DES.ID;
            case "AES-192" -> PrivAES192.ID;
            case "AES-256" -> PrivAES256.ID;
            default -> PrivAES128.ID;
        };
        OctetString name = new OctetString(u.name());
        UsmUser user = new UsmUser(name, auth, u.authPass() == null ? null : new OctetString(u.authPass()), priv,
                u.privPass() == null ? null : new OctetString(u.privPass()),
                u.engineId() == null ? UsmUser.LocalizationGrant.any : UsmUser.LocalizationGrant.never);
        if (u.engineId() == null) {
            usm.addUser(name, user); // any sender engine: localised when first seen
        } else {
            usm.addUser(name, new OctetString(u.engineId()), user);
        }
    }

    @Override
    public <A extends org.snmp4j.smi.Address> void processPdu(CommandResponderEvent<A> event) {
        PDU pdu = event.getPDU();
        event.setProcessed(true);
        if (pdu == null) {
            return;
        }
        int type = pdu.getType();
        if (type != PDU.TRAP && type != PDU.V1TRAP && type != PDU.INFORM) {
            metrics.trapRejected("not_a_notification");
            return;
        }
        Trap.Version version = switch (event.getMessageProcessingModel()) {
            case MPv1.ID -> Trap.Version.V1;
            case MPv2c.ID -> Trap.Version.V2C;
            default -> Trap.Version.V3;
        };
        metrics.trapReceived(version.name().toLowerCase());
        if (version != Trap.Version.V3) {
            String refusal = communities.refusal(event.getSecurityName());
            if (refusal != null) {
                metrics.trapRejected(refusal);
                return;
            }
        }
        try {
            A peer = event.getPeerAddress();
            boolean relay = peer instanceof TransportIpAddress ip && relays.contains(ip.getInetAddress());
            Trap trap = TrapDecoder.decode(pdu, version, peer,
                    version == Trap.Version.V3 ? new String(event.getSecurityName(), StandardCharsets.UTF_8) : null,
                    relay, Instant.now());
            if (type == PDU.INFORM) {
                Runnable answer = () -> respond(event);
                producer.sendBodyAndProperty(SnmpTrapRoute.URI, trap, InformAnswer.PROPERTY, answer);
            } else {
                producer.sendBody(SnmpTrapRoute.URI, trap);
            }
        } catch (RuntimeException e) {
            metrics.trapRejected("unprocessable");
            LOG.log(Level.FINE, "Could not process a trap from " + event.getPeerAddress(), e);
        }
    }

    /** The INFORM's Response-PDU: its request-id and bindings echoed, no error. */
    private <A extends org.snmp4j.smi.Address> void respond(CommandResponderEvent<A> event) {
        PDU response = (PDU) event.getPDU().clone();
        response.setType(PDU.RESPONSE);
        response.setErrorStatus(PDU.noError);
        response.setErrorIndex(0);
        try {
            event.getMessageDispatcher().returnResponsePdu(event.getMessageProcessingModel(), event.getSecurityModel(),
                    event.getSecurityName(), event.getSecurityLevel(), response, event.getMaxSizeResponsePDU(),
                    event.getStateReference(), new StatusInformation());
        } catch (MessageException e) {
            LOG.log(Level.FINE, "Could not answer an INFORM from " + event.getPeerAddress(), e);
        }
    }

    @Override
    public void incrementCounter(CounterEvent event) {
        String reason = REJECTIONS.get(event.getOid());
        if (reason != null) {
            metrics.trapRejected(reason);
        }
    }

    /** Beacon's engine ID as hex (what INFORM senders discover). */
    public String engineIdHex() {
        return engineId == null ? null : new OctetString(engineId).toHexString();
    }

    @PreDestroy
    void stop() {
        running = false;
        try {
            if (transport != null) {
                transport.close();
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "Closing the trap port", e);
        }
        if (receiveQueue != null) {
            receiveQueue.stop();
        }
    }
}
