package io.beacon.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mail channel's settings ({@code beacon.mail.*} = {@code BEACON_MAIL_*}): the desk's side and
 * sending. Without an SMTP URL nothing is sent; the server starts either way. The mailbox that is
 * polled is the integration's ({@code io.beacon.integrations.mail.MailboxSettings}).
 */
@ApplicationScoped
public class MailSettings {

    @Inject
    @ConfigProperty(name = "beacon.mail.smtp.url")
    Optional<String> smtpUrl;

    @Inject
    @ConfigProperty(name = "beacon.mail.smtp.starttls", defaultValue = "true")
    boolean smtpStarttls;

    @Inject
    @ConfigProperty(name = "beacon.mail.from", defaultValue = "servicedesk@localhost")
    String from;

    @Inject
    @ConfigProperty(name = "beacon.mail.from.name", defaultValue = "Beacon Service Desk")
    String fromName;

    @Inject
    @ConfigProperty(name = "beacon.mail.locale", defaultValue = "ko")
    String defaultLocale;

    @Inject
    @ConfigProperty(name = "beacon.mail.attachment.max.bytes", defaultValue = "10485760")
    long attachmentMaxBytes;

    @Inject
    @ConfigProperty(name = "beacon.mail.incident.senders", defaultValue = " ")
    String incidentSenders;

    @Inject
    @ConfigProperty(name = "beacon.mail.incident.subject")
    Optional<String> incidentSubject;

    @Inject
    @ConfigProperty(name = "beacon.mail.retry.seconds", defaultValue = "30")
    int retrySeconds;

    @Inject
    @ConfigProperty(name = "beacon.mail.retry.max", defaultValue = "10")
    int retryMax;

    @Inject
    @ConfigProperty(name = "beacon.mail.outbox.seconds", defaultValue = "5")
    int outboxSeconds;

    @Inject
    @ConfigProperty(name = "beacon.mail.ack.max.per.hour", defaultValue = "10")
    int ackMaxPerHour;

    @Inject
    @ConfigProperty(name = "beacon.mail.ssl.trust")
    Optional<String> sslTrust;

    @Inject
    @ConfigProperty(name = "beacon.mail.authserv.id")
    Optional<String> authservId;

    /** {@code smtp://user:pass@host:port} or {@code smtps://...}; empty = nothing is mailed. */
    public Optional<String> smtpUrl() {
        return smtpUrl.map(String::strip).filter(s -> !s.isEmpty());
    }

    /** Whether plain {@code smtp://} upgrades with STARTTLS when the server offers it. */
    public boolean smtpStarttls() {
        return smtpStarttls;
    }

    /** Beacon's own address: the sender of its mails, and never a requester. */
    public String from() {
        return from.strip();
    }

    public String fromName() {
        return fromName;
    }

    /** The language of mails to people whose locale is unknown: {@code ko} or {@code en}. */
    public String defaultLocale() {
        return "en".equals(defaultLocale) ? "en" : "ko";
    }

    public long attachmentMaxBytes() {
        return attachmentMaxBytes;
    }

    /** Senders (addresses, or {@code @domain}) whose new mails open incidents. */
    public List<String> incidentSenders() {
        return Arrays.stream(incidentSenders.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A regular expression: new mails whose subject matches it open incidents. */
    public Optional<String> incidentSubject() {
        return incidentSubject.map(String::strip).filter(s -> !s.isEmpty());
    }

    public int retrySeconds() {
        return Math.max(1, retrySeconds);
    }

    public int retryMax() {
        return Math.max(1, retryMax);
    }

    public int outboxSeconds() {
        return Math.max(1, outboxSeconds);
    }

    /**
     * Hosts whose TLS certificates are trusted without a CA chain (space-separated, or {@code *}):
     * for an internal mail server with a self-signed certificate. Empty = certificates are verified.
     */
    public Optional<String> sslTrust() {
        return sslTrust.map(String::strip).filter(s -> !s.isEmpty());
    }

    /**
     * The authserv-id that the desk's own receiving mail server writes into {@code Authentication-Results}
     * (RFC 8601): only that server's verdict is believed. Empty = no verdict is read.
     */
    public Optional<String> authservId() {
        return authservId.map(String::strip).filter(s -> !s.isEmpty());
    }

    /** Acknowledgements one address gets per hour at most: the last guard against a loop with a robot that sets no headers. */
    public int ackMaxPerHour() {
        return Math.max(1, ackMaxPerHour);
    }
}
