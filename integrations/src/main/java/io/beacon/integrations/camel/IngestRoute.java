package io.beacon.integrations.camel;

import jakarta.enterprise.context.Dependent;
import org.apache.camel.builder.RouteBuilder;

/**
 * The one ingest endpoint that every event channel's route ends at: hands the normalised events
 * to the {@code EventQueue} port through the {@code eventHandOff} stage (the in-process queue of
 * the single writer today; a Kafka topic can replace it without touching a channel). The body
 * becomes the future that completes once the events are committed (null when the sender does not
 * wait for it).
 */
@Dependent
public class IngestRoute extends RouteBuilder {
    public static final String URI = "direct:ingest";
    public static final String ID = "ingest";

    @Override
    public void configure() {
        from(URI).routeId(ID).routeConfigurationId(InboundRouteConfiguration.DEAD_LETTER)
                .description("Normalised events of every channel to the writer's queue (the EventQueue port)")
                .bean("eventHandOff", "offer").id("hand-off");
    }
}
