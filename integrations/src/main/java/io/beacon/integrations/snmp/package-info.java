/** The SNMP trap receiver (SNMP4J with its own USM: v1, v2c, INFORM, v3), its settings ({@code beacon.snmp.*}) and its Camel route. */
package io.beacon.integrations.snmp;
