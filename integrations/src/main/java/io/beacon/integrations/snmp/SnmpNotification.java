package io.beacon.integrations.snmp;

import io.beacon.event.ingest.domain.Trap;

/** A decoded, authenticated notification on its way through the route; {@code acknowledge} answers an INFORM. */
public record SnmpNotification(Trap trap, Runnable acknowledge) {}
