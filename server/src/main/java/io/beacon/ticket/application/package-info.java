/** Ticket use cases: open, change, comment, attach, list and read tickets, each in one transaction; the port through which the sla area reports a ticket's SLA status. */
package io.beacon.ticket.application;
