/** Inbound channels (one Camel route each: SNMP traps, Alertmanager, JSON events, mail) and outbound adapters. */
package io.beacon.integrations;
