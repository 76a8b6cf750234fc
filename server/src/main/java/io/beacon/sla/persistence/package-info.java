/** JPA storage of the tickets' SLA clocks. */
package io.beacon.sla.persistence;
