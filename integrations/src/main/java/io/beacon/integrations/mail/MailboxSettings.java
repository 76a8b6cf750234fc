package io.beacon.integrations.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mailbox the mail intake polls (IMAP or POP3): {@code beacon.mail.imap.url},
 * {@code beacon.mail.poll.seconds}, {@code beacon.mail.failed.folder}. Without the URL nothing is
 * fetched, and the server starts all the same.
 */
@ApplicationScoped
public class MailboxSettings {
    @Inject
    @ConfigProperty(name = "beacon.mail.imap.url")
    Optional<String> imapUrl;

    @Inject
    @ConfigProperty(name = "beacon.mail.poll.seconds", defaultValue = "30")
    int pollSeconds;

    @Inject
    @ConfigProperty(name = "beacon.mail.failed.folder", defaultValue = "Beacon-Unparsable")
    String failedFolder;

    /** {@code imap://user:pass@host:port/INBOX}, {@code imaps://...} or {@code pop3(s)://...}; empty = no intake. */
    public Optional<String> imapUrl() {
        return imapUrl.map(String::strip).filter(s -> !s.isEmpty());
    }

    public int pollSeconds() {
        return Math.max(1, pollSeconds);
    }

    /** The IMAP folder that mails Beacon cannot read are moved to. */
    public String failedFolder() {
        return failedFolder;
    }
}
