package io.beacon.integrations.mail;

import io.beacon.mail.application.IntakeResult;
import io.beacon.mail.application.MailIntake;
import io.beacon.mail.domain.InboundMail;
import io.beacon.platform.cluster.LeadershipLostException;
import io.beacon.platform.config.BeaconConfig;
import io.beacon.mail.MailSettings;
import io.beacon.platform.domain.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.mail.MailConstants;
import org.apache.camel.component.mail.MailMessage;

/**
 * One polled mail: read its bytes, decode it, and hand it to the desk. A mail that cannot be
 * read, or whose content the desk refuses, is counted and moved aside (IMAP: to the failed
 * folder; POP3: saved under the data directory before the server deletes it), so the rest of
 * the mailbox flows on. Anything else (the database is down) fails the exchange: camel-mail then
 * leaves the mail unread and it is tried again on the next poll.
 */
@ApplicationScoped
public class MailIntakeProcessor implements Processor {
    private static final Logger LOG = Logger.getLogger(MailIntakeProcessor.class.getName());

    @Inject
    MailIntake intake;

    @Inject
    MailSettings settings;

    @Inject
    MailboxSettings mailbox;

    @Inject
    BeaconConfig config;

    private volatile MimeMailParser parser;
    private final PoisonMails poison = new PoisonMails(5);

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getIn(MailMessage.class).getMessage();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw); // a connection failure here is retried, not "unparsable"
        byte[] bytes = raw.toByteArray();
        InboundMail mail;
        try {
            mail = parser().parse(bytes);
        } catch (UnreadableMailException e) {
            moveAside(exchange, bytes, null, null, null, e);
            return;
        }
        try {
            IntakeResult result = intake.receive(mail);
            poison.succeeded(mail.messageId());
            LOG.info(() -> "Mail " + mail.messageId() + " from " + mail.fromAddress() + ": " + result.outcome()
                    + (result.ticketKey() == null ? "" : " " + result.ticketKey()));
        } catch (DomainException refused) {
            moveAside(exchange, bytes, mail.messageId(), mail.fromAddress(), mail.subject(), refused);
        } catch (LeadershipLostException lost) {
            throw lost; // left unread for the node that polls now
        } catch (RuntimeException failed) {
            if (poison.failedAgainWhileOthersPass(mail.messageId())) {
                moveAside(exchange, bytes, mail.messageId(), mail.fromAddress(), mail.subject(), failed);
                return;
            }
            throw failed; // left unread: tried again on the next poll
        }
    }

    private void moveAside(Exchange exchange, byte[] bytes, String messageId, String from, String subject,
            Exception why) throws Exception {
        LOG.log(Level.WARNING, "Mail " + (messageId == null ? "(unreadable)" : messageId) + " moved aside: "
                + why.getMessage());
        intake.recordUnparsable(messageId == null ? MimeMailParser.messageId(null, bytes) : messageId, from, subject);
        if (MailServerUrl.parse(mailbox.imapUrl().orElseThrow()).isImap()) {
            exchange.getIn().setHeader(MailConstants.MAIL_MOVE_TO, mailbox.failedFolder());
        } else {
            Path dir = config.dataDir().resolve("mail-failed");
            Files.createDirectories(dir);
            String name = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 32);
            Files.write(dir.resolve(name + ".eml"), bytes);
        }
    }

    private MimeMailParser parser() {
        if (parser == null) {
            parser = new MimeMailParser(settings.attachmentMaxBytes());
        }
        return parser;
    }

}
