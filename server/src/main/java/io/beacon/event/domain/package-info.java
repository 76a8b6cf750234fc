/** Monitoring events, the alarms they reduce into, trap definitions and normalisation: plain Java rules. */
package io.beacon.event.domain;
