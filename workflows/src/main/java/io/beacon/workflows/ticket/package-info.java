/** The incident and service-request lifecycle process: ticket events in, SLA steps out. */
package io.beacon.workflows.ticket;
