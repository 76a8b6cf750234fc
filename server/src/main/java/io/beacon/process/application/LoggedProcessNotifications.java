package io.beacon.process.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.logging.Logger;

/** Notifications into the server log, until an outbound channel (mail) replaces this bean. */
@ApplicationScoped
public class LoggedProcessNotifications implements ProcessNotifications {
    private static final Logger LOG = Logger.getLogger(LoggedProcessNotifications.class.getName());

    @Override
    public void notify(List<String> usernames, String subject, String text) {
        LOG.info(() -> "Notify " + usernames + ": " + subject + " - " + text);
    }
}
