package io.beacon.mail.application;

/**
 * The port other areas call to have Beacon mail people about a ticket (the SLA clock calls
 * {@link #slaEscalated}). The mail joins the caller's transaction through the outbox.
 */
public interface MailNotifications {

    /** Mails the ticket's assignment group (its members and lead) that the ticket's SLA escalated. */
    void slaEscalated(String ticketKey, String reason);
}
