package io.beacon.integrations.kafka;

import io.beacon.platform.cluster.NodeSettings;
import io.beacon.platform.config.BeaconConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How events travel between nodes: the topic ({@code BEACON_KAFKA_TOPIC}), its partitions when a
 * node creates it ({@code BEACON_KAFKA_PARTITIONS}: how many core nodes can write at once), and the
 * collector's spool ({@code BEACON_SPOOL_DIR}, {@code BEACON_SPOOL_MAX_MB}). Where Kafka is and who
 * this node is: {@link NodeSettings}. The README lists them.
 */
@ApplicationScoped
public class KafkaSettings {
    /** The consumer group of the core nodes' event writers. */
    static final String WRITERS_GROUP = "beacon-event-writers";

    @Inject
    @ConfigProperty(name = "beacon.kafka.topic", defaultValue = "beacon.events")
    String topic;

    @Inject
    @ConfigProperty(name = "beacon.kafka.partitions", defaultValue = "6")
    int partitions;

    @Inject
    @ConfigProperty(name = "beacon.spool.dir")
    Optional<String> spoolDir;

    @Inject
    @ConfigProperty(name = "beacon.spool.max.mb", defaultValue = "1024")
    long spoolMaxMb;

    @Inject
    NodeSettings node;

    @Inject
    BeaconConfig config;

    public String topic() {
        return topic.strip();
    }

    public int partitions() {
        return Math.max(1, partitions);
    }

    /** {@code BEACON_SPOOL_DIR}, or {@code spool} in the data directory. */
    public Path spoolDir() {
        return spoolDir.map(String::strip).filter(s -> !s.isEmpty()).map(Path::of)
                .orElseGet(() -> config.dataDir().resolve("spool"));
    }

    public long spoolMaxBytes() {
        return Math.max(1, spoolMaxMb) * 1024 * 1024;
    }

    /** What every client of this node shares: the brokers and a client id naming the node. */
    Properties client(String purpose) {
        Properties p = new Properties();
        p.put("bootstrap.servers", node.kafkaBootstrap());
        p.put("client.id", "beacon-" + node.name() + "-" + purpose);
        return p;
    }
}
