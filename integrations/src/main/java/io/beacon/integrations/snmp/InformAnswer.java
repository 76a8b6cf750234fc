package io.beacon.integrations.snmp;

import io.beacon.event.ingest.application.NormalisedDelivery;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

/**
 * The trap route's last step: an INFORM's Response-PDU goes out once its delivery's answer
 * completes, that is once the event is committed; a shed or failed event fails that answer, so the
 * INFORM stays unanswered and its sender retries. A plain trap has neither.
 */
public final class InformAnswer {
    /** The exchange property in which the receiver hands over how to answer the INFORM. */
    public static final String PROPERTY = "beaconInformAnswer";

    private InformAnswer() {}

    public static void whenCommitted(@Body NormalisedDelivery delivery, @ExchangeProperty(PROPERTY) Runnable answer) {
        if (delivery.awaitsCommit() && answer != null) {
            delivery.committed().thenRun(answer);
        }
    }
}
