package io.beacon.integrations.events;

import io.beacon.integrations.camel.InboundRouteConfiguration;
import io.beacon.integrations.camel.IngestRoute;
import jakarta.enterprise.context.Dependent;
import org.apache.camel.builder.RouteBuilder;

/**
 * Generic JSON events from other monitors ({@code POST /api/events}, parsed and authenticated by
 * the REST resource): normalised and handed to the ingest endpoint; the answer completes once the
 * event is committed.
 */
@Dependent
public class GenericEventRoute extends RouteBuilder {
    public static final String URI = "direct:json-event";
    public static final String ID = "json-events";

    @Override
    public void configure() {
        from(URI).routeId(ID).routeConfigurationId(InboundRouteConfiguration.DEAD_LETTER)
                .description("Generic JSON events: normalise, ingest; answer once committed")
                .bean("genericEventNormalisation", "normalise").id("normalise-event")
                .to(IngestRoute.URI).id("event-to-ingest");
    }
}
