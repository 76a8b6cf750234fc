package io.beacon.integrations.kafka;

import io.beacon.event.domain.NormalisedEvent;
import io.beacon.event.ingest.application.EventQueue;
import io.beacon.event.ingest.application.EventsShedException;
import io.beacon.event.ingest.application.IngestMetrics;
import io.beacon.event.ingest.application.Submission;
import io.beacon.event.ingest.application.ToCoreNodes;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A collector's way to the core nodes. Each event gets its id here (the core refuses an id twice),
 * then goes to Kafka with acks=all on an idempotent producer; its sender (an INFORM, a webhook) is
 * answered once Kafka acknowledged. While Kafka cannot be reached (or anything is still spooled,
 * to keep each device's order) events go to the {@link EventSpool} instead and the sender is answered
 * once the entry is on disk; a full spool sheds, counted in {@code beacon_events_dropped_total}.
 * One thread drains the spool into Kafka and, when it is empty, lets events go straight again.
 */
@ApplicationScoped
@ToCoreNodes
public class KafkaEventPublisher implements EventQueue {
    private static final Logger LOG = Logger.getLogger(KafkaEventPublisher.class.getName());
    private static final int DRAIN_CHUNK = 1000;
    private static final long RETRY_MILLIS = 1000;

    @Inject
    KafkaSettings settings;

    @Inject
    IngestMetrics metrics;

    @Resource
    ManagedThreadFactory threads;

    private Producer<String, byte[]> producer;
    private EventSpool spool;
    private volatile boolean kafkaUp;
    private volatile boolean running;
    private Thread drainer;

    /** Opens the spool (what a crash left there goes first), the producer, and starts the drainer. */
    public synchronized void start() throws IOException {
        if (running) {
            return;
        }
        spool = EventSpool.open(settings.spoolDir(), settings.spoolMaxBytes());
        producer = new KafkaProducer<>(producerProperties(), new StringSerializer(), new ByteArraySerializer());
        metrics.spoolDepthGauge(() -> (long) spool.entries());
        running = true;
        drainer = threads.newThread(this::drain);
        drainer.setName("beacon-kafka-spool");
        drainer.start();
        LOG.info("Collector: events go to Kafka topic " + settings.topic() + " (" + spool.entries()
                + " spooled from before, spool " + settings.spoolDir() + ")");
    }

    private Properties producerProperties() {
        Properties p = settings.client("collector");
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        p.put("max.in.flight.requests.per.connection", "5");
        p.put("linger.ms", "2");
        // An unanswered INFORM is retried by its sender within seconds: give up on Kafka well before
        // that and keep the event in the spool (a send that blocks for metadata blocks a receiver thread).
        p.put("request.timeout.ms", "3000");
        p.put("delivery.timeout.ms", "6000");
        p.put("max.block.ms", "1000");
        p.put("reconnect.backoff.max.ms", "2000");
        return p;
    }

    @Override
    public boolean offer(Submission s) {
        if (s.event() == null) {
            if (s.committed() != null) {
                s.committed().complete(null); // a catch-up marker: nothing is written on a collector
            }
            return true;
        }
        NormalisedEvent event = s.event().withId(UUID.randomUUID().toString());
        byte[] value = EventRecord.encode(event);
        String key = EventRecord.key(event);
        if (kafkaUp && spool.isEmpty()) {
            try {
                producer.send(new ProducerRecord<>(settings.topic(), key, value), (done, failure) -> {
                    if (failure == null) {
                        forwarded(s);
                    } else {
                        lost(failure);
                        spool(s, value);
                    }
                });
                return true;
            } catch (KafkaException | IllegalStateException e) {
                lost(e);
            }
        }
        return spool(s, value);
    }

    @Override
    public int depth() {
        return spool == null ? 0 : spool.entries();
    }

    private void forwarded(Submission s) {
        metrics.forwarded(1);
        if (s.committed() != null) {
            s.committed().complete(null);
        }
    }

    private boolean spool(Submission s, byte[] value) {
        try {
            if (spool.store(value)) {
                if (s.committed() != null) {
                    s.committed().complete(null);
                }
                return true;
            }
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Could not write the spool in " + settings.spoolDir(), e);
        }
        metrics.dropped(1);
        if (s.committed() != null) {
            s.committed().completeExceptionally(new EventsShedException("Kafka is unreachable and the spool is full"));
        }
        return false;
    }

    private void lost(Throwable why) {
        if (kafkaUp) {
            LOG.warning("Kafka does not take events (" + why + "); spooling to " + settings.spoolDir());
        }
        kafkaUp = false;
    }

    /** The drainer: spool to Kafka while Kafka answers; when the spool is empty, events go straight. */
    private void drain() {
        while (running) {
            try {
                if (spool.isEmpty()) {
                    if (!kafkaUp && reachable()) {
                        kafkaUp = true;
                        LOG.info("Kafka takes events at " + settings.client("collector").get("bootstrap.servers"));
                    }
                    spool.awaitEntries(kafkaUp ? 200 : RETRY_MILLIS);
                    continue;
                }
                EventSpool.Chunk chunk = spool.peek(DRAIN_CHUNK);
                List<Future<RecordMetadata>> acks = new ArrayList<>(chunk.entries().size());
                for (byte[] value : chunk.entries()) {
                    acks.add(producer.send(new ProducerRecord<>(settings.topic(), EventRecord.key(EventRecord.decode(value)), value)));
                }
                for (Future<RecordMetadata> ack : acks) {
                    ack.get();
                }
                spool.acknowledged(chunk);
                metrics.forwarded(chunk.entries().size());
                if (spool.isEmpty() && !kafkaUp) {
                    kafkaUp = true;
                    LOG.info("The spool is drained into Kafka; events go straight again");
                }
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            } catch (ExecutionException | KafkaException | IOException | IllegalArgumentException e) {
                lost(e);
                pause();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The spool drainer failed", e);
                pause();
            }
        }
    }

    private boolean reachable() {
        return EventTopic.ensure(settings.client("collector-admin"), settings.topic(), settings.partitions())
                && tryPartitions();
    }

    private boolean tryPartitions() {
        try {
            return !producer.partitionsFor(settings.topic()).isEmpty();
        } catch (KafkaException e) {
            return false;
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        Thread t = drainer;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5)); // sends what is in flight; unacknowledged senders were not answered
        }
        try {
            if (spool != null) {
                spool.close();
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not close the spool", e);
        }
    }
}
