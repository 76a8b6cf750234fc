package io.beacon.event.ingest.application;

import io.beacon.event.domain.NormalisedEvent;
import io.beacon.platform.cluster.NodeRole;
import io.beacon.platform.cluster.NodeSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The last stage of every inbound channel (the ingest route calls it by name): offers the
 * normalised events to the {@link EventQueue} port, whichever carries them to the writer: this
 * node's in-process queue, or on a collector ({@code BEACON_NODE_ROLE=collector}) the Kafka topic
 * the core nodes read ({@link ToCoreNodes}). Never blocks: a full queue sheds, counted, and fails
 * the event's answer.
 */
@ApplicationScoped
@Named("eventHandOff")
public class EventHandOff {
    private EventQueue queue;

    protected EventHandOff() {
        // for the CDI proxy
    }

    public EventHandOff(EventQueue queue) {
        this.queue = queue;
    }

    /** The in-process queue, except on a collector; the Kafka side is not even created on other roles. */
    @Inject
    public EventHandOff(EventQueue local, @ToCoreNodes Instance<EventQueue> toCore, NodeSettings node) {
        this(node.role() == NodeRole.COLLECTOR ? toCore.get() : local);
    }

    /**
     * Offers each event, stamped now (where the receive-to-commit latency starts). When the sender
     * waits, the delivery's {@code committed} completes once every event is committed, or fails
     * when one was shed or could not be stored.
     */
    public void offer(NormalisedDelivery delivery) {
        long now = System.nanoTime();
        if (!delivery.awaitsCommit()) {
            for (NormalisedEvent event : delivery.events()) {
                queue.offer(new Submission(event, now, null));
            }
            return;
        }
        CompletableFuture<?>[] each = new CompletableFuture<?>[delivery.events().size()];
        for (int i = 0; i < each.length; i++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            queue.offer(new Submission(delivery.events().get(i), now, done));
            each[i] = done;
        }
        CompletableFuture<?> all = each.length == 1 ? each[0] : CompletableFuture.allOf(each);
        all.whenComplete((v, failure) -> {
            if (failure == null) {
                delivery.committed().complete(new IngestReceipt(each.length));
            } else {
                delivery.committed().completeExceptionally(
                        failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
            }
        });
    }
}
