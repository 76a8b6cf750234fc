package io.beacon.integrations.kafka;

import io.beacon.event.domain.NormalisedEvent;
import io.beacon.event.ingest.application.EventQueue;
import io.beacon.event.ingest.application.IngestMetrics;
import io.beacon.event.ingest.application.Submission;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A core node's share of the collectors' events: one member of the writers' consumer group, which
 * hands each polled record to this node's writer (the in-process queue, as a channel does) and
 * commits the offsets only after every event of the poll is committed in the database. A crash in
 * between redelivers them, and the writer refuses the ids it already has. An event the writer
 * could not take (queue full, a batch refused by a concurrent write on another node) is offered
 * again; one that keeps failing while the rest of its poll was stored is given up (counted in
 * {@code beacon_events_failed_total}), while a database that stores nothing holds the partition.
 */
@ApplicationScoped
public class KafkaEventConsumer {
    private static final Logger LOG = Logger.getLogger(KafkaEventConsumer.class.getName());
    private static final int GIVE_UP_AFTER = 10;
    private static final long RETRY_MILLIS = 500;

    @Inject
    KafkaSettings settings;

    @Inject
    EventQueue writer;

    @Inject
    IngestMetrics metrics;

    @Resource
    ManagedThreadFactory threads;

    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = threads.newThread(this::run);
        thread.setName("beacon-kafka-events");
        thread.start();
    }

    private Properties consumerProperties() {
        Properties p = settings.client("core");
        p.put("group.id", KafkaSettings.WRITERS_GROUP);
        p.put("enable.auto.commit", "false");
        p.put("auto.offset.reset", "earliest");
        p.put("max.poll.records", "2000");
        // A dead core node's partitions move to the others this soon (Kafka's default waits 45 s).
        p.put("session.timeout.ms", "10000");
        p.put("heartbeat.interval.ms", "3000");
        return p;
    }

    private void run() {
        while (running && !EventTopic.ensure(settings.client("core-admin"), settings.topic(), settings.partitions())) {
            LOG.warning("Kafka at " + settings.client("core").get("bootstrap.servers") + " does not answer yet; retrying");
            pause();
        }
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerProperties(), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = c;
            c.subscribe(List.of(settings.topic()));
            LOG.info("Core: writing the events of Kafka topic " + settings.topic() + " (group " + KafkaSettings.WRITERS_GROUP + ")");
            while (running) {
                ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(500));
                if (!records.isEmpty() && write(records)) {
                    c.commitSync();
                }
            }
        } catch (WakeupException stopping) {
            // stop() woke the poll
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The Kafka event consumer stopped", e);
        }
    }

    /** True once every event of the poll is stored (or given up); false when stopping before that. */
    private boolean write(ConsumerRecords<String, byte[]> records) {
        List<NormalisedEvent> pending = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> r : records) {
            try {
                pending.add(EventRecord.decode(r.value()));
            } catch (IllegalArgumentException e) {
                metrics.failed(1);
                LOG.warning("Skipping record " + r.topic() + "-" + r.partition() + "@" + r.offset() + ": " + e.getMessage());
            }
        }
        int attempts = 0;
        while (!pending.isEmpty()) {
            if (!running) {
                return false;
            }
            long now = System.nanoTime();
            List<CompletableFuture<Void>> done = new ArrayList<>(pending.size());
            for (NormalisedEvent e : pending) {
                CompletableFuture<Void> committed = new CompletableFuture<>();
                writer.offer(new Submission(e, now, committed));
                done.add(committed);
            }
            List<NormalisedEvent> failed = new ArrayList<>();
            for (int i = 0; i < done.size(); i++) {
                if (!stored(done.get(i))) {
                    failed.add(pending.get(i));
                }
            }
            attempts++;
            boolean someStored = failed.size() < pending.size();
            if (!failed.isEmpty() && attempts >= GIVE_UP_AFTER && someStored) {
                LOG.severe("Giving up " + failed.size() + " event(s) the writer refused " + attempts + " times");
                return true;
            }
            if (!failed.isEmpty()) {
                pause();
            }
            pending = failed;
        }
        return true;
    }

    private static boolean stored(CompletableFuture<Void> committed) {
        try {
            committed.join();
            return true;
        } catch (CompletionException e) {
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
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
