package io.beacon.integrations.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.UserTarget;
import org.snmp4j.event.CounterListener;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/** The receiver's USM against a real SNMP4J sender over loopback UDP: v3 traps at each security level. */
class StrictUsmTest {
    private final List<String> rejected = new CopyOnWriteArrayList<>();
    private final List<OID> counted = new CopyOnWriteArrayList<>();
    private final List<PDU> delivered = new CopyOnWriteArrayList<>();
    private DefaultUdpTransportMapping receiver;
    private Snmp sender;
    private USM senderUsm;
    private byte[] senderEngine;

    @BeforeEach
    void receiverAndSender() throws Exception {
        byte[] engine = MPv3.createLocalEngineID(new OctetString("strict-usm-test"));
        SecurityProtocols protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.maxCompatibility);
        CounterSupport counters = new CounterSupport();
        CounterListener listener = e -> counted.add(e.getOid());
        counters.addCounterListener(listener);
        USM usm = new StrictUsm(protocols, new OctetString(engine), 1, counters, rejected::add);
        usm.setEngineDiscoveryEnabled(true);
        SnmpTrapReceiver.addUser(usm, UsmUserEntry.parse("ops:SHA:ops-auth-pass:AES:ops-priv-pass"));
        SnmpTrapReceiver.addUser(usm, UsmUserEntry.parse("watch:SHA:watch-auth-pass"));
        MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
        dispatcher.addCounterListener(listener);
        dispatcher.addMessageProcessingModel(new MPv3(engine, null, protocols,
                SecurityModels.getCollection(new SecurityModel[] {usm}), counters));
        receiver = new DefaultUdpTransportMapping(new UdpAddress("127.0.0.1/0"), true);
        dispatcher.addTransportMapping(receiver);
        receiver.addTransportListener(dispatcher);
        dispatcher.addCommandResponder(new CommandResponder() {
            @Override
            public <A extends Address> void processPdu(CommandResponderEvent<A> event) {
                delivered.add(event.getPDU());
            }
        });
        receiver.listen();

        senderEngine = MPv3.createLocalEngineID(new OctetString("strict-usm-sender"));
        senderUsm = new USM(protocols, new OctetString(senderEngine), 1);
        MessageDispatcherImpl out = new MessageDispatcherImpl();
        out.addMessageProcessingModel(new MPv3(senderEngine, null, protocols,
                SecurityModels.getCollection(new SecurityModel[] {senderUsm}), new CounterSupport()));
        sender = new Snmp(out, new DefaultUdpTransportMapping(new UdpAddress("127.0.0.1/0")));
        sender.listen();
    }

    @AfterEach
    void close() throws Exception {
        sender.close();
        receiver.close();
    }

    /** A v3 trap as {@code name} with these keys (null: none) at {@code level}; the sender is authoritative. */
    private void trap(String name, String authPass, String privPass, int level, int ifIndex) throws Exception {
        OctetString user = new OctetString(name);
        senderUsm.removeAllUsers(user);
        senderUsm.addUser(user, new OctetString(senderEngine), new UsmUser(user, authPass == null ? null : AuthSHA.ID,
                authPass == null ? null : new OctetString(authPass), privPass == null ? null : PrivAES128.ID,
                privPass == null ? null : new OctetString(privPass)));
        UserTarget<Address> target = new UserTarget<>(receiver.getListenAddress(), user, senderEngine, level);
        target.setVersion(SnmpConstants.version3);
        ScopedPDU pdu = new ScopedPDU();
        pdu.setType(PDU.TRAP);
        pdu.add(new VariableBinding(SnmpConstants.sysUpTime, new TimeTicks(42)));
        pdu.add(new VariableBinding(SnmpConstants.snmpTrapOID, new OID("1.3.6.1.6.3.1.1.5.3")));
        pdu.add(new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.1." + ifIndex), new org.snmp4j.smi.Integer32(ifIndex)));
        sender.send(pdu, target);
    }

    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(10));
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aMessageBelowItsUsersLevelIsRejectedNeverDelivered() throws Exception {
        trap("ops", null, null, SecurityLevel.NOAUTH_NOPRIV, 1);
        await(() -> rejected.size() == 1, "noAuthNoPriv for an authPriv user rejected");
        trap("ops", "ops-auth-pass", null, SecurityLevel.AUTH_NOPRIV, 2);
        await(() -> rejected.size() == 2, "authNoPriv for an authPriv user rejected");
        trap("watch", null, null, SecurityLevel.NOAUTH_NOPRIV, 3);
        await(() -> rejected.size() == 3, "noAuthNoPriv for an authNoPriv user rejected");
        assertThat(rejected).containsOnly(StrictUsm.LEVEL_TOO_LOW);

        trap("ops", "ops-auth-pass", "ops-priv-pass", SecurityLevel.AUTH_PRIV, 4);
        trap("watch", "watch-auth-pass", null, SecurityLevel.AUTH_NOPRIV, 5);
        await(() -> delivered.size() == 2, "both messages at their users' levels delivered");
        assertThat(delivered).extracting(p -> p.get(2).getOid().last()).containsExactly(4, 5);
        assertThat(rejected).hasSize(3);
    }

    @Test
    void aWrongPrivacyKeyIsADecryptionErrorNotAParseError() throws Exception {
        trap("ops", "ops-auth-pass", "not-the-priv-pass", SecurityLevel.AUTH_PRIV, 6);
        await(() -> counted.contains(SnmpConstants.usmStatsDecryptionErrors), "decryption error counted");
        assertThat(counted).doesNotContain(SnmpConstants.snmpInASNParseErrs);
        assertThat(delivered).isEmpty();
        assertThat(rejected).isEmpty();
    }
}
