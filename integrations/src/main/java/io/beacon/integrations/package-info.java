/**
 * Inbound channels (one Camel route each: SNMP traps, Alertmanager, JSON events, ending at the one
 * ingest endpoint; and mail) and outbound adapters.
 */
package io.beacon.integrations;
