package io.beacon.event.ingest.application;

import io.beacon.event.ingest.domain.AlertmanagerAlert;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The port through which the webhook endpoints hand their input to the inbound routes (one Camel
 * route per channel, in the integrations module). Each answer completes when the events are
 * committed, or fails with {@link EventsShedException} under overload.
 */
public interface InboundChannels {
    CompletableFuture<IngestReceipt> alertmanager(List<AlertmanagerAlert> alerts);

    CompletableFuture<IngestReceipt> event(GenericEvent event);
}
