package io.beacon.integrations.camel;

import io.beacon.platform.config.BeaconConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the inputs that failed an inbound route for the operator, in
 * {@code $BEACON_DATA_DIR/dead-letters/inbound.jsonl} (rotated at
 * {@code BEACON_EVENTS_DEAD_LETTER_MAX_BYTES}). Never blocks the channel: the letter is written by
 * a thread of its own; while more than {@value #WAITING_MAX} wait for it, further ones are
 * dropped and counted, as is one the disk refused.
 */
@ApplicationScoped
public class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class.getName());
    static final int WAITING_MAX = 1000;

    @Inject
    BeaconConfig config;

    @Inject
    RouteMetrics metrics;

    @Inject
    @ConfigProperty(name = "beacon.events.dead.letter.max.bytes", defaultValue = "10485760")
    long maxBytes;

    @Resource
    ManagedThreadFactory threads;

    private DeadLetterFile file;
    private Executor writer;

    DeadLetters() {
        // CDI: opened in open()
    }

    /** For tests: a given file, and the executor that writes to it. */
    DeadLetters(DeadLetterFile file, Executor writer, RouteMetrics metrics) {
        this.file = file;
        this.writer = writer;
        this.metrics = metrics;
    }

    @PostConstruct
    void open() {
        file = new DeadLetterFile(config.dataDir().resolve("dead-letters"), maxBytes);
        writer = boundedWriter(threads, metrics);
    }

    /** One thread, at most {@value #WAITING_MAX} letters waiting for it; beyond that a letter is dropped and counted. */
    static ExecutorService boundedWriter(ThreadFactory threads, RouteMetrics metrics) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(WAITING_MAX), threads,
                (letter, full) -> metrics.deadLetterDropped());
    }

    /** Where the letters are (for the log lines that point to them). */
    public String location() {
        return file.current().toString();
    }

    /** Queues the letter for writing and answers its id at once. */
    public String keep(String channel, String route, String reason, String message, Object input) {
        DeadLetter letter = new DeadLetter(UUID.randomUUID().toString(), Instant.now(), channel, route, reason, message,
                input);
        writer.execute(() -> write(letter));
        return letter.id();
    }

    private void write(DeadLetter letter) {
        try {
            file.append(letter.json());
            metrics.deadLetterWritten();
        } catch (IOException | RuntimeException e) {
            metrics.deadLetterDropped();
            LOG.log(Level.WARNING, "Could not write dead letter " + letter.id() + " to " + file.current() + ": " + e);
        }
    }

    @PreDestroy
    void close() {
        if (writer instanceof ExecutorService running) {
            running.shutdown();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS); // what failed before the stop is still kept
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
