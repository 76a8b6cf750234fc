package io.beacon.integrations.live;

import io.beacon.platform.domain.JsonP;
import io.beacon.integrations.kafka.BroadcastTopics;
import io.beacon.platform.cluster.ClusterSettings;
import io.beacon.platform.cluster.NodeRole;
import io.beacon.platform.cluster.NodeSettings;
import io.beacon.platform.live.BroadcastUpdate;
import io.beacon.platform.live.LiveBroadcast;
import io.beacon.platform.live.LiveUpdate;
import io.beacon.platform.startup.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The live broadcast of core nodes on a Kafka topic ({@code BEACON_CLUSTER_LIVE_TOPIC}, one
 * partition, so one order for all). Every node publishes its committed updates there and reads the
 * whole topic itself (its own consumer group {@code beacon-live-<node>}, positions never committed:
 * each start reads from the end, less the last {@value #BACKLOG} updates, so that a browser that
 * moves over from another node can resume). Only in role {@code core}; a single node needs no Kafka. Live updates say only what
 * changed (the console then reads it through the API), so one lost while Kafka is away costs a
 * stale view until the next change or reload, never data.
 */
@ApplicationScoped
public class KafkaLiveBroadcast implements LiveBroadcast {
    private static final Logger LOG = Logger.getLogger(KafkaLiveBroadcast.class.getName());
    /** Updates read again at each start, for streams that resume here; as many as a stream keeps. */
    static final int BACKLOG = 1000;
    static final String SEQUENCE = "p0";

    @Inject
    ClusterSettings cluster;

    @Inject
    NodeSettings nodes;

    @Inject
    Event<BroadcastUpdate> received;

    @Resource
    ManagedThreadFactory threads;

    private volatile KafkaProducer<String, String> producer;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean running;
    private volatile Thread thread;
    private final AtomicLong failedSends = new AtomicLong();

    @Override
    public boolean active() {
        return nodes.role() == NodeRole.CORE;
    }

    /** Before readiness: a node that serves consoles also reads the broadcast. */
    void start(@Observes @Priority(60) StartupEvent started) {
        if (!active()) {
            return;
        }
        String bootstrap = nodes.kafkaBootstrap();
        String node = nodes.name();
        BroadcastTopics.create(bootstrap, cluster.liveTopic(), LOG);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "beacon-live-" + node);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000); // a committing request never waits long on a missing broker
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "beacon-live-" + node);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "beacon-live-" + node);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50); // latency over batching: a console waits for it
        consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
        running = true;
        thread = threads.newThread(this::receive);
        thread.setName("beacon-live-broadcast");
        thread.start();
        LOG.info("Live updates travel through Kafka topic " + cluster.liveTopic() + " at " + bootstrap);
    }

    @Override
    public void publish(LiveUpdate update) {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            return; // before the start: no stream is open yet
        }
        try {
            p.send(new ProducerRecord<>(cluster.liveTopic(), 0, null, toJson(update, nodes.name())), (meta, failure) -> {
                if (failure != null && failedSends.getAndIncrement() % 100 == 0) {
                    LOG.warning("Live updates do not reach Kafka (" + failedSends.get() + " lost so far): " + failure);
                }
            });
        } catch (RuntimeException e) {
            if (failedSends.getAndIncrement() % 100 == 0) {
                LOG.warning("Live updates do not reach Kafka (" + failedSends.get() + " lost so far): " + e);
            }
        }
    }

    /** Reads the topic until stopped; while Kafka is away it tries again every second (consoles then see only what they reload). */
    private void receive() {
        TopicPartition partition = new TopicPartition(cluster.liveTopic(), 0);
        consumer.assign(List.of(partition));
        BroadcastTopics.follow(consumer, cluster.liveTopic(), () -> running, () -> {
            long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(10)).get(partition);
            long begin = consumer.beginningOffsets(List.of(partition), Duration.ofSeconds(10)).get(partition);
            consumer.seek(partition, Math.max(begin, end - BACKLOG));
        }, this::deliver, LOG);
    }

    private void deliver(ConsumerRecord<String, String> r) {
        try {
            String origin = originOf(r.value());
            received.fire(new BroadcastUpdate(fromJson(r.value()), SEQUENCE, r.offset(),
                    !nodes.name().equals(origin))); // no origin: a node of an older version, so another one
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Skipped live update at offset " + r.offset() + ": " + e.getMessage());
        }
    }

    /** The update and the node that published it. */
    static String toJson(LiveUpdate u, String node) {
        JsonObjectBuilder b = JsonP.object().add("topic", u.topic()).add("kind", u.kind()).add("node", node);
        if (u.id() != null) {
            b.add("id", u.id());
        }
        if (u.key() != null) {
            b.add("key", u.key());
        }
        return b.build().toString();
    }

    /** The node that published the update (null from a node before 2026-12-07, which did not say). */
    static String originOf(String json) {
        try (var reader = JsonP.reader(new StringReader(json))) {
            return reader.readObject().getString("node", null);
        }
    }

    static LiveUpdate fromJson(String json) {
        try (var reader = JsonP.reader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            return new LiveUpdate(o.getString("topic"), o.getString("kind"), o.getString("id", null), o.getString("key", null));
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        KafkaProducer<String, String> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(2));
        }
    }
}
