package io.beacon.integrations.alertmanager;

import io.beacon.event.ingest.application.EventIntake;
import io.beacon.event.ingest.domain.AlertmanagerAlert;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;

/** Prometheus Alertmanager webhooks: the alerts of one delivery into the event intake. */
@Dependent
public class AlertmanagerRoute extends RouteBuilder {
    public static final String URI = "direct:alertmanager";

    @Inject
    EventIntake intake;

    @Override
    @SuppressWarnings("unchecked")
    public void configure() {
        from(URI).routeId("alertmanager-webhook").process(exchange ->
                exchange.getMessage().setBody(intake.alertmanager(exchange.getIn().getBody(List.class))));
    }
}
