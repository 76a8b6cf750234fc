package io.beacon.event.pipeline;
import io.beacon.event.alarm.application.BatchResult;
import io.beacon.event.alarm.application.EventBatchWriter;
import io.beacon.event.incident.application.IncidentDesk;
import io.beacon.event.ingest.application.EventQueue;
import io.beacon.event.ingest.application.EventsShedException;
import io.beacon.event.ingest.application.IngestMetrics;
import io.beacon.event.ingest.application.Submission;

import io.beacon.event.domain.NormalisedEvent;
import io.beacon.event.EventSettings;
import io.beacon.platform.startup.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The in-process ingest queue and its single writer thread. The writer takes whatever is waiting
 * (up to the batch size), writes it in one transaction, and only then completes the events'
 * acknowledgements: group commit, one flush per batch. Then it hands the alarms that were raised
 * or cleared to the incident desk (its own thread). A failed batch is retried once whole (an acknowledgement by a
 * person may have raced it), then event by event, so one bad event cannot sink the others.
 */
@ApplicationScoped
public class InProcessEventQueue implements EventQueue {
    private static final Logger LOG = Logger.getLogger(InProcessEventQueue.class.getName());

    @Inject
    EventSettings settings;

    @Inject
    EventBatchWriter writer;

    @Inject
    IncidentDesk incidents;

    @Inject
    IngestMetrics metrics;

    @Resource
    ManagedThreadFactory threads;

    private ArrayBlockingQueue<Submission> queue;
    private volatile boolean running;
    private Thread thread;

    @PostConstruct
    void create() {
        queue = new ArrayBlockingQueue<>(settings.queueSize());
    }

    void start(@Observes @Priority(200) StartupEvent started) {
        metrics.queueDepthGauge(() -> (long) queue.size());
        incidents.sweep(); // alarms committed just before a crash still get their incident
        incidents.start(threads);
        running = true;
        thread = threads.newThread(this::drain);
        thread.setName("beacon-event-writer");
        thread.start();
        LOG.info("Event writer started (queue " + settings.queueSize() + ", batches up to " + settings.batchSize() + ")");
    }

    @Override
    public boolean offer(Submission s) {
        if (queue.offer(s)) {
            return true;
        }
        metrics.dropped(1);
        if (s.committed() != null) {
            s.committed().completeExceptionally(new EventsShedException("the event queue is full"));
        }
        return false;
    }

    @Override
    public int depth() {
        return queue.size();
    }

    /**
     * Completes once every event offered before this call is written, the incidents of what it
     * raised or cleared are acted on, and correlation's periodic work has run once more at the
     * clock's time. For tests that step a controlled clock (the in-container scenario driver): the
     * call travels the queue as a submission without an event, behind the events it waits for.
     */
    public CompletableFuture<Void> whenCaughtUp() {
        CompletableFuture<Void> reached = new CompletableFuture<>();
        if (!queue.offer(new Submission(null, System.nanoTime(), reached))) {
            reached.completeExceptionally(new EventsShedException("the event queue is full"));
        }
        return reached.thenCompose(written -> incidents.whenCaughtUp());
    }

    private void drain() {
        int max = settings.batchSize();
        List<Submission> batch = new ArrayList<>(max);
        while (running || !queue.isEmpty()) {
            try {
                Submission first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, max - 1);
                List<Submission> caughtUp = batch.stream().filter(b -> b.event() == null).toList();
                batch.removeAll(caughtUp);
                if (!batch.isEmpty()) {
                    write(batch);
                }
                caughtUp.forEach(c -> c.committed().complete(null));
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "The event writer failed a batch", e);
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Submission> batch) {
        List<NormalisedEvent> events = new ArrayList<>(batch.size());
        for (Submission s : batch) {
            events.add(s.event());
        }
        BatchResult result;
        try {
            result = writer.write(events);
        } catch (RuntimeException first) {
            try {
                result = writer.write(events);
            } catch (RuntimeException again) {
                if (batch.size() == 1) {
                    fail(batch.get(0), again);
                } else {
                    LOG.log(Level.WARNING, "A batch of " + batch.size() + " events failed twice; writing them one by one", again);
                    for (Submission s : batch) {
                        write(List.of(s));
                    }
                }
                return;
            }
        }
        long now = System.nanoTime();
        Map<String, Long> firstSeenNanos = new HashMap<>();
        for (Submission s : batch) {
            metrics.latency(now - s.receivedNanos());
            firstSeenNanos.merge(s.event().reductionKey(), s.receivedNanos(), Math::min);
            if (s.committed() != null) {
                s.committed().complete(null);
            }
        }
        metrics.processed(result.stored());
        if (result.duplicates() > 0) {
            metrics.duplicates(result.duplicates());
        }
        incidents.submit(result, firstSeenNanos);
    }

    private void fail(Submission s, RuntimeException cause) {
        metrics.failed(1);
        LOG.log(Level.WARNING, "Could not store event " + s.event().reductionKey() + ": " + cause);
        if (s.committed() != null) {
            s.committed().completeExceptionally(new EventsShedException("the event could not be stored"));
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(10_000); // write what was accepted before the server goes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        incidents.stop();
    }
}
