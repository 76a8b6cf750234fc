package io.beacon.integrations.mail;

import java.security.NoSuchAlgorithmException;
import java.util.Properties;
import javax.net.ssl.SSLContext;

/**
 * TLS for the mail protocols. With transportSecurity-1.0, Liberty makes its own SSL context the
 * JVM's default socket factory, and that context trusts only Liberty's keystore, not the JDK's
 * CA certificates: a public IMAPS or SMTPS server would fail the handshake. So Jakarta Mail is
 * given the JSSE default context (the JDK's trust store) explicitly; or, for a server with a
 * self-signed certificate, the hosts named in {@code BEACON_MAIL_SSL_TRUST}, whose certificates
 * are then accepted as they are (no CA chain, no host-name check).
 */
final class MailTls {
    private MailTls() {}

    static Properties properties(String protocol, String sslTrust) {
        Properties props = new Properties();
        if (sslTrust != null) {
            props.put("mail." + protocol + ".ssl.trust", sslTrust);
            // Trusted as it is: a self-signed certificate rarely names the host it is reached by.
            props.put("mail." + protocol + ".ssl.checkserveridentity", "false");
            return props;
        }
        try {
            props.put("mail." + protocol + ".ssl.socketFactory", SSLContext.getDefault().getSocketFactory());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no TLS in this JVM", e);
        }
        return props;
    }
}
