package io.beacon.integrations.kafka;

import io.beacon.event.ingest.application.ToCoreNodes;
import io.beacon.platform.cluster.NodeRole;
import io.beacon.platform.cluster.NodeSettings;
import io.beacon.platform.startup.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;

/**
 * Starts this node's Kafka side by its role, once the writer runs: a collector's publisher (so that
 * what a crash left in the spool goes out before the first new event), a core node's consumer.
 * On the default role, {@code all}, nothing of Kafka is created.
 */
@ApplicationScoped
public class KafkaNode {
    @Inject
    NodeSettings node;

    @Inject
    @ToCoreNodes
    Instance<KafkaEventPublisher> publisher;

    @Inject
    Instance<KafkaEventConsumer> consumer;

    void start(@Observes @Priority(2900) StartupEvent started) throws IOException {
        NodeRole role = node.role();
        if (role == NodeRole.COLLECTOR) {
            publisher.get().start();
        } else if (role == NodeRole.CORE) {
            consumer.get().start();
        }
    }
}
