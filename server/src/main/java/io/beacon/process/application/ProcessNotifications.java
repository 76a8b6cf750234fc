package io.beacon.process.application;

import java.util.List;

/**
 * Tells people what a process wants from them (reminders, escalations). The default writes the log;
 * the mail integration replaces it with an {@code @Alternative @Priority} bean that sends mail.
 */
public interface ProcessNotifications {
    void notify(List<String> usernames, String subject, String text);
}
