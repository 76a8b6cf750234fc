package io.beacon.event.ingest.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The ingest counters and timers, served at {@code /metrics} in Prometheus text
 * ({@code beacon_traps_received_total}, {@code beacon_traps_rejected_total{reason=...}},
 * {@code beacon_events_processed_total}, {@code beacon_events_dropped_total}, the queue depth and
 * the receive-to-commit latency, the time per batch of the writer and of the incident stage; on a collector {@code beacon_events_forwarded_total} and the spool depth).
 */
@ApplicationScoped
public class IngestMetrics {
    @Inject
    MetricRegistry registry;

    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();
    private final Map<String, Counter> received = new ConcurrentHashMap<>();
    private volatile Counter processed;
    private volatile Counter dropped;
    private volatile Counter duplicates;
    private volatile Counter failed;
    private volatile Counter forwarded;
    private volatile Timer latency;
    private volatile Timer incidentLatency;
    private volatile Timer batchWrite;
    private volatile Timer incidentStage;

    public void trapReceived(String version) {
        received.computeIfAbsent(version, v -> registry.counter("beacon.traps.received", new Tag("version", v))).inc();
    }

    /** A trap or message refused before processing: bad community, unknown user, wrong digest, parse error... */
    public void trapRejected(String reason) {
        rejected.computeIfAbsent(reason, r -> registry.counter("beacon.traps.rejected", new Tag("reason", r))).inc();
    }

    /** A webhook or API event refused as malformed or too large. */
    public void webhookRejected(String channel, String reason) {
        rejected.computeIfAbsent(channel + "/" + reason, k -> registry.counter("beacon.events.rejected",
                new Tag("channel", channel), new Tag("reason", reason))).inc();
    }

    public void processed(long n) {
        if (processed == null) {
            processed = registry.counter("beacon.events.processed");
        }
        processed.inc(n);
    }

    public void dropped(long n) {
        if (dropped == null) {
            dropped = registry.counter("beacon.events.dropped");
        }
        dropped.inc(n);
    }

    public void duplicates(long n) {
        if (duplicates == null) {
            duplicates = registry.counter("beacon.events.duplicates");
        }
        duplicates.inc(n);
    }

    public void failed(long n) {
        if (failed == null) {
            failed = registry.counter("beacon.events.failed");
        }
        failed.inc(n);
    }

    /** From the moment an event was received to the commit of the batch that holds it. */
    public void latency(long nanos) {
        if (latency == null) {
            latency = registry.timer("beacon.events.latency");
        }
        latency.update(Duration.ofNanos(nanos));
    }

    /** From the moment the raising event was received to the commit of its incident. */
    public void incidentLatency(long nanos) {
        if (incidentLatency == null) {
            incidentLatency = registry.timer("beacon.incidents.latency");
        }
        incidentLatency.update(Duration.ofNanos(nanos));
    }

    /** How long the writer took for one batch: the write and its commit (on the pipeline's one thread). */
    public void batchWrite(long nanos) {
        if (batchWrite == null) {
            batchWrite = registry.timer("beacon.events.batch.write");
        }
        batchWrite.update(Duration.ofNanos(nanos));
    }

    /** How long the incident stage took after one batch (correlation and incident commits, on the same thread). */
    public void incidentStage(long nanos) {
        if (incidentStage == null) {
            incidentStage = registry.timer("beacon.incidents.stage");
        }
        incidentStage.update(Duration.ofNanos(nanos));
    }

    /** Events a collector handed to Kafka and Kafka acknowledged (straight away or from the spool). */
    public void forwarded(long n) {
        if (forwarded == null) {
            forwarded = registry.counter("beacon.events.forwarded");
        }
        forwarded.inc(n);
    }

    /** Events a collector keeps on disk until Kafka takes them. */
    public void spoolDepthGauge(Supplier<Long> depth) {
        registry.gauge("beacon.events.spool.depth", depth);
    }

    public void queueDepthGauge(Supplier<Long> depth) {
        registry.gauge("beacon.events.queue.depth", depth);
    }
}
