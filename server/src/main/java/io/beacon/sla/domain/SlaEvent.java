package io.beacon.sla.domain;

/** A threshold an SLA clock crossed: near-breach (at risk) or breach, of the response or the resolution target. */
public enum SlaEvent {
    RESPONSE_AT_RISK, RESPONSE_BREACHED, RESOLUTION_AT_RISK, RESOLUTION_BREACHED;

    public boolean isBreach() {
        return this == RESPONSE_BREACHED || this == RESOLUTION_BREACHED;
    }
}
