package io.beacon.integrations.events;

import io.beacon.event.ingest.application.GenericEvent;
import io.beacon.event.ingest.application.InboundChannels;
import io.beacon.event.ingest.application.IngestReceipt;
import io.beacon.event.ingest.domain.AlertmanagerAlert;
import io.beacon.integrations.alertmanager.AlertmanagerRoute;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.ProducerTemplate;

/** The webhook endpoints' way into their Camel routes. */
@ApplicationScoped
public class CamelInboundChannels implements InboundChannels {
    @Inject
    ProducerTemplate producer;

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<IngestReceipt> alertmanager(List<AlertmanagerAlert> alerts) {
        return producer.requestBody(AlertmanagerRoute.URI, alerts, CompletableFuture.class);
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<IngestReceipt> event(GenericEvent event) {
        return producer.requestBody(GenericEventRoute.URI, event, CompletableFuture.class);
    }
}
