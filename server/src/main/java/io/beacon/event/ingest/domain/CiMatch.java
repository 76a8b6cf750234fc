package io.beacon.event.ingest.domain;

/** A CI an event was attributed to, and by which clue ("snmpTrapAddress", "agent-addr", "udp-source", "instance"...). */
public record CiMatch(long ciId, String ciName, String resolvedBy) {}
