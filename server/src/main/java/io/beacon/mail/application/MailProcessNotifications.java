package io.beacon.mail.application;

import io.beacon.identity.domain.User;
import io.beacon.identity.domain.Users;
import io.beacon.mail.domain.MailScreening;
import io.beacon.mail.domain.Outbox;
import io.beacon.mail.domain.OutboxMail;
import io.beacon.mail.MailSettings;
import io.beacon.process.application.ProcessNotifications;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * What processes want from people (approval reminders and escalations, SLA warnings) goes out by
 * mail through the outbox, in the caller's transaction, when SMTP is configured; it is logged either way.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 10)
@ApplicationScoped
public class MailProcessNotifications implements ProcessNotifications {
    private static final Logger LOG = Logger.getLogger(MailProcessNotifications.class.getName());
    static final String KIND = "process_notice";

    @Inject
    MailSettings settings;

    @Inject
    Users users;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Override
    public void notify(List<String> usernames, String subject, String text) {
        LOG.info(() -> "Notify " + usernames + ": " + subject + " - " + text);
        if (settings.smtpUrl().isEmpty()) {
            return;
        }
        for (String username : usernames) {
            users.byUsername(username).map(User::getEmail)
                    .filter(address -> address != null && !address.isBlank() && !MailScreening.neverMail(address))
                    .ifPresent(address -> outbox.add(new OutboxMail(KIND, null, null, address, subject,
                            text + "\n\n-- Beacon", messageId(), null, null, "auto-generated", clock.instant())));
        }
    }

    private String messageId() {
        String from = settings.from();
        String domain = from.contains("@") ? from.substring(from.indexOf('@') + 1) : "beacon.local";
        return "beacon.notice." + UUID.randomUUID() + "@" + domain;
    }
}
