package io.beacon.integrations.kafka;

import io.beacon.cmdb.application.CmdbBroadcast;
import io.beacon.cmdb.application.CmdbChange;
import io.beacon.cmdb.application.CmdbView;
import io.beacon.platform.cluster.ClusterSettings;
import io.beacon.platform.cluster.NodeRole;
import io.beacon.platform.cluster.NodeSettings;
import io.beacon.platform.startup.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The CMDB broadcast among core nodes on a Kafka topic ({@code BEACON_CLUSTER_CMDB_TOPIC}, one
 * partition, so one order for all): each node publishes its committed CMDB changes, and waits for
 * Kafka's acknowledgement before the writer's caller gets its answer; each node reads what the
 * others published and applies it to its own view. A node notes the topic's end before it loads
 * its view from the database and reads on from there once loaded, so no change falls between the
 * two (one read twice is harmless: the view keeps the newest version of a CI and each relation once).
 */
@ApplicationScoped
public class KafkaCmdbBroadcast implements CmdbBroadcast {
    private static final Logger LOG = Logger.getLogger(KafkaCmdbBroadcast.class.getName());
    /** How long a CMDB write's answer waits for Kafka to take its change; past that the others learn it when Kafka is back. */
    private static final long ACK_WAIT_MILLIS = 2000;

    @Inject
    ClusterSettings cluster;

    @Inject
    NodeSettings nodes;

    @Inject
    CmdbView view;

    @Resource
    ManagedThreadFactory threads;

    private volatile KafkaProducer<String, String> producer;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile long startOffset = -1;
    private volatile boolean running;
    private volatile Thread thread;
    private final AtomicLong failedSends = new AtomicLong();

    @Override
    public boolean active() {
        return nodes.role() == NodeRole.CORE;
    }

    /** Before the view loads (50): where the topic ends now is where this node reads on from. */
    void prepare(@Observes @Priority(40) StartupEvent started) {
        if (!active()) {
            return;
        }
        String bootstrap = nodes.kafkaBootstrap();
        String node = nodes.name();
        BroadcastTopics.create(bootstrap, cluster.cmdbTopic(), LOG);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "beacon-cmdb-" + node);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000); // what Kafka has not taken yet goes out when it is back
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 << 20);
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "beacon-cmdb-" + node);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20); // latency over batching: an event may wait on it
        consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
        TopicPartition partition = partition();
        consumer.assign(List.of(partition));
        try {
            startOffset = consumer.endOffsets(List.of(partition), Duration.ofSeconds(10)).get(partition);
        } catch (RuntimeException e) {
            // Kafka is away: read the whole topic once it answers (changes applied twice do no harm)
            LOG.log(Level.WARNING, "Could not read where Kafka topic " + cluster.cmdbTopic() + " ends; will read it whole", e);
            startOffset = 0;
        }
    }

    /** Once the view is loaded (50): read the other nodes' changes from the noted position on. */
    void start(@Observes @Priority(55) StartupEvent started) {
        if (!active()) {
            return;
        }
        running = true;
        thread = threads.newThread(this::receive);
        thread.setName("beacon-cmdb-broadcast");
        thread.start();
        LOG.info("CMDB changes travel among core nodes through Kafka topic " + cluster.cmdbTopic() + " (from offset "
                + startOffset + ")");
    }

    private TopicPartition partition() {
        return new TopicPartition(cluster.cmdbTopic(), 0);
    }

    @Override
    public void publish(CmdbChange change) {
        KafkaProducer<String, String> p = producer;
        if (p == null || change.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try {
            for (String record : CmdbChangeRecords.encode(change, nodes.name())) {
                acks.add(p.send(new ProducerRecord<>(cluster.cmdbTopic(), 0, null, record)));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(ACK_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (TimeoutException | ExecutionException | RuntimeException e) {
            if (failedSends.getAndIncrement() % 100 == 0) {
                LOG.warning("A CMDB change did not reach Kafka within " + ACK_WAIT_MILLIS + " ms (" + failedSends.get()
                        + " so far); the other core nodes learn it when Kafka takes it, or at their next start: " + e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads the topic until stopped; while Kafka is away it tries again every second. */
    private void receive() {
        BroadcastTopics.follow(consumer, cluster.cmdbTopic(), () -> running, () -> consumer.seek(partition(), startOffset),
                this::apply, LOG);
    }

    private void apply(ConsumerRecord<String, String> r) {
        try {
            CmdbChangeRecords.Part part = CmdbChangeRecords.decode(r.value());
            if (!part.node().equals(nodes.name())) { // this node applied its own at its commit
                view.applyCommittedElsewhere(part.change());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Skipped CMDB change at offset " + r.offset() + " of " + cluster.cmdbTopic(), e);
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null && thread != null) {
            c.wakeup();
            try {
                thread.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (c != null) {
            c.close(Duration.ofSeconds(1));
        }
        KafkaProducer<String, String> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(2));
        }
    }
}
