/** JPA storage of tickets, their comments, attachments and audit trail. */
package io.beacon.ticket.persistence;
