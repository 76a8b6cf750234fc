package io.beacon.it.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * A real mail server on loopback (GreenMail: SMTP and IMAP on free ports), started before
 * Beacon, which polls the desk's mailbox over IMAP and sends through its SMTP. Tests send mail to
 * the desk over SMTP exactly as bytes, and read what Beacon mailed to people.
 */
public final class TestMailServer {
    public static final String DESK = "desk@beacon.test";
    /** The authserv-id Beacon trusts in Authentication-Results, as the desk's receiving server would stamp it. */
    public static final String AUTHSERV_ID = "mx.beacon.test";
    static final String DESK_LOGIN = "desk";
    static final String DESK_PASSWORD = "desk-mail-pass";

    private final int smtpPort;
    private final int imapPort;
    private final int smtpsPort;
    private final int imapsPort;
    private GreenMail greenMail;

    TestMailServer() throws IOException {
        smtpPort = freePort();
        imapPort = freePort();
        smtpsPort = freePort();
        imapsPort = freePort();
        start();
    }

    /**
     * What Beacon needs to poll and send (a one-second poll, so tests wait little): over TLS
     * (IMAPS, SMTPS), trusting GreenMail's self-signed certificate by BEACON_MAIL_SSL_TRUST. The
     * tests themselves talk plain SMTP and IMAP to the same store.
     */
    public Map<String, String> beaconEnvironment() {
        return Map.ofEntries(
                Map.entry("BEACON_MAIL_IMAP_URL", "imaps://" + DESK_LOGIN + ":" + DESK_PASSWORD + "@127.0.0.1:" + imapsPort
                        + "/INBOX"),
                Map.entry("BEACON_MAIL_SMTP_URL", "smtps://127.0.0.1:" + smtpsPort),
                Map.entry("BEACON_MAIL_SSL_TRUST", "*"),
                Map.entry("BEACON_MAIL_FROM", DESK),
                Map.entry("BEACON_MAIL_POLL_SECONDS", "1"),
                Map.entry("BEACON_MAIL_OUTBOX_SECONDS", "1"),
                Map.entry("BEACON_MAIL_RETRY_SECONDS", "1"),
                Map.entry("BEACON_MAIL_ATTACHMENT_MAX_BYTES", "100000"),
                Map.entry("BEACON_MAIL_INCIDENT_SUBJECT", "(?i)outage|\\[장애]"),
                Map.entry("BEACON_MAIL_AUTHSERV_ID", AUTHSERV_ID));
    }

    /** (Re)starts the server on the same ports, with an empty store. */
    public synchronized void start() {
        ServerSetup[] setups = {
            new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
            new ServerSetup(smtpsPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS),
            new ServerSetup(imapsPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS)};
        for (ServerSetup setup : setups) {
            setup.setServerStartupTimeout(30_000); // GreenMail's 2 s were not enough for SMTPS on a loaded machine
        }
        greenMail = new GreenMail(setups);
        greenMail.start();
        greenMail.setUser(DESK, DESK_LOGIN, DESK_PASSWORD);
    }

    /** The mail server goes down: Beacon can neither poll nor send. */
    public synchronized void stop() {
        greenMail.stop();
    }

    /** Sends raw RFC 5322 bytes to the desk over SMTP, unchanged (no re-encoding, its own Message-ID kept). */
    public void sendToDesk(byte[] raw) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(smtpPort));
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
        try (Transport t = session.getTransport("smtp")) {
            t.connect();
            t.sendMessage(message, new Address[] {new InternetAddress(DESK)});
        }
    }

    /**
     * Puts raw mails straight into the desk's inbox over IMAP (one APPEND for all of them), as mail that
     * arrived while Beacon was not looking: a full mailbox, not a stream of SMTP deliveries.
     */
    public void appendToDeskInbox(List<byte[]> raws) throws MessagingException {
        Session session = Session.getInstance(new Properties());
        try (jakarta.mail.Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", imapPort, DESK_LOGIN, DESK_PASSWORD);
            jakarta.mail.Folder inbox = store.getFolder("INBOX");
            Message[] messages = new Message[raws.size()];
            for (int i = 0; i < messages.length; i++) {
                messages[i] = new MimeMessage(session, new ByteArrayInputStream(raws.get(i)));
            }
            inbox.appendMessages(messages);
        }
    }

    /** The subjects of the mails in a folder of the desk's mailbox, read over IMAP. */
    public List<String> subjectsInDeskFolder(String folder) throws MessagingException {
        Properties props = new Properties();
        Session session = Session.getInstance(props);
        try (jakarta.mail.Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", imapPort, DESK_LOGIN, DESK_PASSWORD);
            jakarta.mail.Folder f = store.getFolder(folder);
            if (!f.exists()) {
                return List.of();
            }
            f.open(jakarta.mail.Folder.READ_ONLY);
            try {
                List<String> subjects = new java.util.ArrayList<>();
                for (Message m : f.getMessages()) {
                    subjects.add(m.getSubject());
                }
                return subjects;
            } finally {
                f.close(false);
            }
        }
    }

    /** The mails delivered to {@code address} so far. */
    public List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                Address[] to = m.getRecipients(Message.RecipientType.TO);
                return to != null && Arrays.stream(to).anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** Waits for a mail to {@code address} that matches. */
    public MimeMessage awaitMail(String address, Predicate<MimeMessage> matching, Duration timeout)
            throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            for (MimeMessage m : mailsTo(address)) {
                if (matching.test(m)) {
                    return m;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no matching mail to " + address + " within " + timeout + "; got "
                + mailsTo(address).size() + " others");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
