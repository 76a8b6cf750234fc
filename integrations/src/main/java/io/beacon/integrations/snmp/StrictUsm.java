package io.beacon.integrations.snmp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.snmp4j.ScopedPDU;
import org.snmp4j.TransportStateReference;
import org.snmp4j.asn1.BERInputStream;
import org.snmp4j.asn1.BEROutputStream;
import org.snmp4j.event.CounterEvent;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityParameters;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.SecurityStateReference;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OctetString;

/**
 * SNMP4J's USM with two checks it leaves out for incoming messages:
 * <ul>
 * <li>a message is accepted only at the security level its user is configured for, or higher
 *     (SNMP4J delivers a noAuthNoPriv message naming an authPriv user, so that knowing a user
 *     name would be enough to raise or clear alarms);</li>
 * <li>an authenticated authPriv message whose decrypted scoped PDU is not BER is a decryption
 *     error (RFC 3414 §3.2.8, a wrong privacy key): counted as usmStatsDecryptionErrors, where
 *     SNMP4J would hand the garbage on and count a parse error.</li>
 * </ul>
 * Both refusals are USM errors, so the message is never processed and an INFORM gets no response.
 */
final class StrictUsm extends USM {
    static final String LEVEL_TOO_LOW = "security_level_too_low";

    private final Consumer<String> rejected;

    StrictUsm(SecurityProtocols protocols, OctetString localEngineId, int engineBoots, CounterSupport counters,
            Consumer<String> rejected) {
        super(protocols, localEngineId, engineBoots, counters);
        this.rejected = rejected;
    }

    @Override
    public int processIncomingMsg(int messageProcessingModel, int maxMessageSize, SecurityParameters securityParameters,
            SecurityModel securityModel, int securityLevel, BERInputStream wholeMsg,
            TransportStateReference tmStateReference, OctetString securityEngineID, OctetString securityName,
            BEROutputStream scopedPDU, Integer32 maxSizeResponseScopedPDU,
            SecurityStateReference securityStateReference, StatusInformation statusInfo) throws IOException {
        int status = super.processIncomingMsg(messageProcessingModel, maxMessageSize, securityParameters, securityModel,
                securityLevel, wholeMsg, tmStateReference, securityEngineID, securityName, scopedPDU,
                maxSizeResponseScopedPDU, securityStateReference, statusInfo);
        if (status != SnmpConstants.SNMPv3_USM_OK) {
            return status;
        }
        if (securityLevel < configuredLevel(securityEngineID, securityName)) {
            rejected.accept(LEVEL_TOO_LOW);
            return SnmpConstants.SNMPv3_USM_UNSUPPORTED_SECURITY_LEVEL;
        }
        if (securityLevel == SecurityLevel.AUTH_PRIV && !isBer(scopedPDU.getBuffer())) {
            fireIncrementCounter(new CounterEvent(this, SnmpConstants.usmStatsDecryptionErrors));
            return SnmpConstants.SNMPv3_USM_DECRYPTION_ERROR;
        }
        return status;
    }

    /** The level of the user entry the message was checked against (localised for its engine, or the generic one). */
    private int configuredLevel(OctetString engineId, OctetString name) {
        org.snmp4j.security.UsmUserEntry entry = getUser(engineId, name);
        if (entry == null) {
            entry = getUser(new OctetString(), name);
        }
        if (entry == null) {
            return SecurityLevel.AUTH_PRIV; // cannot happen after USM_OK; if it did, refuse rather than trust
        }
        UsmUser user = entry.getUsmUser();
        return user.getPrivacyProtocol() != null ? SecurityLevel.AUTH_PRIV
                : user.getAuthenticationProtocol() != null ? SecurityLevel.AUTH_NOPRIV : SecurityLevel.NOAUTH_NOPRIV;
    }

    private static boolean isBer(ByteBuffer decrypted) {
        if (decrypted == null) {
            return false;
        }
        ByteBuffer copy = decrypted.duplicate(); // the caller decodes the original from its own position
        copy.rewind();
        try {
            new ScopedPDU().decodeBER(new BERInputStream(copy));
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
