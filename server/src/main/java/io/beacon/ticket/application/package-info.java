/** Ticket use cases: open, change, comment, attach, list and read tickets, each in one transaction. */
package io.beacon.ticket.application;
