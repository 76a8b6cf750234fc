/** The SNMP trap receiver (SNMP4J with its own USM: v1, v2c, INFORM, v3) and the Camel route it hands traps to. */
package io.beacon.integrations.snmp;
