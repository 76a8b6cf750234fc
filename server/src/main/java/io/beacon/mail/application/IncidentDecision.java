package io.beacon.mail.application;

import io.beacon.ticket.domain.TicketType;

/**
 * Port: whether a new mail opens an incident or a service request (the mailIncident decision). Besides the
 * sender and subject, it is told whether the sender is listed in and the subject matches the mail settings.
 */
public interface IncidentDecision {
    TicketType ticketType(String fromAddress, String subject, boolean listedSender, boolean subjectMatches);
}
