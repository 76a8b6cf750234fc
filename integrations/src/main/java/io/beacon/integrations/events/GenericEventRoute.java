package io.beacon.integrations.events;

import io.beacon.event.ingest.application.EventIntake;
import io.beacon.event.ingest.application.GenericEvent;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.apache.camel.builder.RouteBuilder;

/** Generic JSON events from other monitors into the event intake. */
@Dependent
public class GenericEventRoute extends RouteBuilder {
    public static final String URI = "direct:json-event";

    @Inject
    EventIntake intake;

    @Override
    public void configure() {
        from(URI).routeId("json-events").process(exchange ->
                exchange.getMessage().setBody(intake.event(exchange.getIn().getBody(GenericEvent.class))));
    }
}
