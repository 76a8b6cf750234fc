/** Tickets (incidents, service requests, problems): their lifecycle, priority rules, comments, attachments and audit trail. */
package io.beacon.ticket.domain;
