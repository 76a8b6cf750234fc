/** The business calendar as configured, and (with the ticket process) the SLA clocks of tickets. */
package io.beacon.sla.application;
