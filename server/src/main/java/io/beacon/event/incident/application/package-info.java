/** Incident automation: asks correlation about raised and cleared alarms and opens, merges, resolves and annotates incidents. */
package io.beacon.event.incident.application;
