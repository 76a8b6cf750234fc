package io.beacon.integrations.alertmanager;

import io.beacon.event.ingest.application.NormalisedDelivery;
import io.beacon.integrations.camel.InboundRouteConfiguration;
import io.beacon.integrations.camel.IngestRoute;
import jakarta.enterprise.context.Dependent;
import java.util.ArrayList;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;

/**
 * Prometheus Alertmanager webhooks (parsed and authenticated by the REST resource): each alert of a
 * delivery normalised and handed to the ingest endpoint on its own, so that an alert that fails a
 * stage is dead-lettered without the others; the delivery's answer completes once all are
 * committed, and fails if any was not.
 */
@Dependent
public class AlertmanagerRoute extends RouteBuilder {
    public static final String URI = "direct:alertmanager";
    public static final String ID = "alertmanager-webhook";

    @Override
    public void configure() {
        from(URI).routeId(ID).routeConfigurationId(InboundRouteConfiguration.DEAD_LETTER)
                .description("Alertmanager deliveries: per alert normalise and ingest; answer once all are committed")
                .split(body(), AggregationStrategies.flexible().accumulateInCollection(ArrayList.class)).id("each-alert")
                    .bean("alertNormalisation", "normalise").id("normalise-alert")
                    .to(IngestRoute.URI).id("alert-to-ingest")
                .end()
                .bean(NormalisedDelivery.class, "allOf").id("one-answer");
    }
}
