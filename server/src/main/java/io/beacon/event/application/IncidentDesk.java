package io.beacon.event.application;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The incident side of committed batches, on a thread of its own so that opening tickets never
 * holds up the event writer. Each alarm's incident work is one transaction: the first incidents
 * of a burst are visible while the rest are still being opened, and one failing alarm does not
 * hold back the others (its events are committed already; the sweep at start retries alarms that
 * a crash left without their incident).
 */
@ApplicationScoped
public class IncidentDesk {
    private static final Logger LOG = Logger.getLogger(IncidentDesk.class.getName());

    private record Work(BatchResult result, Map<String, Long> firstSeenNanos) {}

    @Inject
    IncidentActions actions;

    @Inject
    IngestMetrics metrics;

    // Holds only batches that raised or cleared something: small, and bounded by the writer's pace.
    private final LinkedBlockingQueue<Work> work = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread thread;

    void start(ManagedThreadFactory threads) {
        running = true;
        thread = threads.newThread(this::run);
        thread.setName("beacon-incident-desk");
        thread.start();
    }

    void submit(BatchResult result, Map<String, Long> firstSeenNanos) {
        if (!result.raised().isEmpty() || !result.cleared().isEmpty()) {
            work.add(new Work(result, firstSeenNanos));
        }
    }

    private void run() {
        while (running || !work.isEmpty()) {
            try {
                Work w = work.poll(200, TimeUnit.MILLISECONDS);
                if (w != null) {
                    handle(w.result(), w.firstSeenNanos());
                }
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "The incident desk failed", e);
            }
        }
    }

    void handle(BatchResult result, Map<String, Long> firstSeenNanos) {
        for (BatchResult.AlarmRef ref : result.raised()) {
            if (!attempt(ref.alarmId(), true).isEmpty()) {
                Long since = firstSeenNanos.get(ref.reductionKey());
                if (since != null) {
                    metrics.incidentLatency(System.nanoTime() - since);
                }
            }
        }
        for (BatchResult.AlarmRef ref : result.cleared()) {
            attempt(ref.alarmId(), false);
        }
    }

    /** A few tries: the writer may update the same alarm meanwhile (optimistic locking turns one of us back). */
    private List<Long> attempt(long alarmId, boolean raised) {
        for (int i = 1; ; i++) {
            try {
                return raised ? actions.apply(List.of(alarmId), List.of()) : actions.apply(List.of(), List.of(alarmId));
            } catch (RuntimeException e) {
                if (i == 3) {
                    LOG.log(Level.WARNING, "Could not " + (raised ? "open" : "resolve") + " the incident of alarm " + alarmId, e);
                    return List.of();
                }
            }
        }
    }

    /** Opens the incidents that active alarms still want (after a crash between the two transactions). */
    void sweep() {
        try {
            List<Long> pending = actions.alarmsWantingIncidents();
            if (!pending.isEmpty()) {
                LOG.info(pending.size() + " active alarms have no incident yet; opening them");
                handle(new BatchResult(0, 0, pending.stream().map(id -> new BatchResult.AlarmRef(id, "")).toList(),
                        List.of()), Map.of());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The incident sweep failed", e);
        }
    }

    void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
