package io.beacon.integrations.mail;

import io.beacon.mail.application.OutboxDelivery;
import io.beacon.mail.MailSettings;
import io.beacon.platform.startup.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains the outbox every {@code BEACON_MAIL_OUTBOX_SECONDS} through SMTP, on a server-managed
 * thread. Without {@code BEACON_MAIL_SMTP_URL} nothing is queued and nothing runs.
 */
@ApplicationScoped
public class MailOutboxSender {
    private static final Logger LOG = Logger.getLogger(MailOutboxSender.class.getName());

    @Inject
    MailSettings settings;

    @Inject
    OutboxDelivery delivery;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> task;

    void start(@Observes StartupEvent started) throws Exception {
        if (settings.smtpUrl().isEmpty()) {
            LOG.info("Mail sending is off (BEACON_MAIL_SMTP_URL is not set)");
            return;
        }
        MailServerUrl url = MailServerUrl.parse(settings.smtpUrl().get());
        SmtpMailSender sender = new SmtpMailSender(url, settings.smtpStarttls(), settings.sslTrust().orElse(null),
                settings.from(), settings.fromName());
        LOG.info("Mail sending through " + url + " as " + settings.from());
        task = scheduler.scheduleWithFixedDelay(() -> {
            try {
                delivery.deliverDue(sender);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Outbox round failed, next round in " + settings.outboxSeconds() + " s", e);
            }
        }, 1, settings.outboxSeconds(), TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
