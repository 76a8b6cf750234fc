package io.beacon.integrations.snmp;

import io.beacon.integrations.camel.InboundRouteConfiguration;
import io.beacon.integrations.camel.IngestRoute;
import jakarta.enterprise.context.Dependent;
import org.apache.camel.builder.RouteBuilder;

/**
 * SNMP traps and INFORMs from the receiver (decoded and authenticated there, on its own threads):
 * normalised by the trap definitions, handed to the ingest endpoint; an INFORM is answered once
 * its event has been committed, and never when it was shed or failed a stage (the sender retries).
 */
@Dependent
public class SnmpTrapRoute extends RouteBuilder {
    public static final String URI = "direct:snmp-trap";
    public static final String ID = "snmp-traps";

    @Override
    public void configure() {
        from(URI).routeId(ID).routeConfigurationId(InboundRouteConfiguration.DEAD_LETTER)
                .description("SNMP traps and INFORMs: normalise, ingest, answer an INFORM once committed")
                .bean("trapNormalisation", "normalise").id("normalise-trap")
                .to(IngestRoute.URI).id("trap-to-ingest")
                .bean(InformAnswer.class, "whenCommitted").id("answer-inform");
    }
}
