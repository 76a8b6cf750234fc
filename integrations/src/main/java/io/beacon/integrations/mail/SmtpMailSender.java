package io.beacon.integrations.mail;

import io.beacon.mail.application.MailSender;
import io.beacon.mail.application.OutgoingMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.Properties;

/**
 * Sends the outbox's mails over SMTP or SMTPS (STARTTLS when the server offers it), a round of
 * them over one session, in UTF-8,
 * with Beacon's own Message-ID, the thread's In-Reply-To and References, and the RFC 3834 /
 * Exchange headers that stop vacation replies from looping back.
 */
public class SmtpMailSender implements MailSender {
    private final MailServerUrl server;
    private final Session session;
    private final InternetAddress from;

    public SmtpMailSender(MailServerUrl server, boolean starttls, String sslTrust, String fromAddress,
            String fromName) throws UnsupportedEncodingException {
        this.server = server;
        String p = "mail." + server.protocol() + ".";
        Properties props = new Properties();
        props.put(p + "host", server.host());
        props.put(p + "port", String.valueOf(server.port()));
        props.put(p + "auth", String.valueOf(server.user() != null));
        props.put(p + "connectiontimeout", "10000");
        props.put(p + "timeout", "30000");
        props.put(p + "writetimeout", "30000");
        if (server.protocol().equals("smtp")) {
            props.put(p + "starttls.enable", String.valueOf(starttls));
        }
        props.putAll(MailTls.properties(server.protocol(), sslTrust)); // smtps, and smtp after STARTTLS
        this.session = Session.getInstance(props);
        this.from = new InternetAddress(fromAddress, fromName, "UTF-8");
    }

    @Override
    public MailSender.Connection connect() throws MessagingException {
        return new SmtpSession();
    }

    /**
     * One SMTP session for a round of mails. A server may end a session after some number of mails
     * (many do after 100): a mail that then fails for anything but its recipients is sent once more
     * over a fresh session before it counts as failed.
     */
    private final class SmtpSession implements MailSender.Connection {
        private Transport transport;
        private int sentHere;

        SmtpSession() throws MessagingException {
            open();
        }

        @Override
        public void send(OutgoingMail mail) throws MessagingException {
            MimeMessage msg = message(mail);
            try {
                transport.sendMessage(msg, msg.getAllRecipients());
            } catch (SendFailedException refused) {
                throw refused; // the server refused this mail's recipients: a new session would not change that
            } catch (MessagingException dropped) {
                if (sentHere == 0) {
                    throw dropped;
                }
                close();
                open();
                transport.sendMessage(msg, msg.getAllRecipients());
            }
            sentHere++;
        }

        private void open() throws MessagingException {
            Transport t = session.getTransport(server.protocol());
            t.connect(server.host(), server.port(), server.user(), server.password());
            transport = t;
            sentHere = 0;
        }

        @Override
        public void close() {
            try {
                transport.close();
            } catch (MessagingException alreadyGone) {
                // QUIT on a dropped session: nothing left to end
            }
        }
    }

    private MimeMessage message(OutgoingMail mail) throws MessagingException {
        MimeMessage msg = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + mail.messageId() + ">");
            }
        };
        msg.setFrom(from);
        msg.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to()));
        msg.setSubject(mail.subject(), "UTF-8");
        msg.setText(mail.body(), "UTF-8");
        msg.setSentDate(new Date());
        if (mail.inReplyTo() != null) {
            msg.setHeader("In-Reply-To", "<" + mail.inReplyTo() + ">");
        }
        if (mail.references() != null) {
            msg.setHeader("References", mail.references());
        }
        msg.setHeader("Auto-Submitted", mail.autoSubmitted());
        msg.setHeader("X-Auto-Response-Suppress", "All");
        msg.saveChanges();
        return msg;
    }
}
