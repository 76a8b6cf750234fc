/** Traps, Alertmanager alerts and their normalisation into events (trap definitions, reduction keys, CI clues): plain Java rules. */
package io.beacon.event.ingest.domain;
