package io.beacon.integrations.events;

import io.beacon.event.ingest.application.GenericEvent;
import io.beacon.event.ingest.application.InboundChannels;
import io.beacon.event.ingest.application.IngestReceipt;
import io.beacon.event.ingest.application.NormalisedDelivery;
import io.beacon.event.ingest.domain.AlertmanagerAlert;
import io.beacon.integrations.alertmanager.AlertmanagerRoute;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.ProducerTemplate;

/**
 * The webhook endpoints' way into their Camel routes. Always answers a future: a route that could
 * not run at all (Camel not started) gives a failed one, so the endpoint answers a problem.
 */
@ApplicationScoped
public class CamelInboundChannels implements InboundChannels {
    @Inject
    ProducerTemplate producer;

    @Override
    public CompletableFuture<IngestReceipt> alertmanager(List<AlertmanagerAlert> alerts) {
        return request(AlertmanagerRoute.URI, alerts);
    }

    @Override
    public CompletableFuture<IngestReceipt> event(GenericEvent event) {
        return request(GenericEventRoute.URI, event);
    }

    private CompletableFuture<IngestReceipt> request(String uri, Object body) {
        try {
            Object answer = producer.requestBody(uri, body);
            if (answer instanceof NormalisedDelivery delivery && delivery.awaitsCommit()) {
                return delivery.committed();
            }
            return CompletableFuture.failedFuture(new IllegalStateException("route " + uri + " answered " + answer));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
