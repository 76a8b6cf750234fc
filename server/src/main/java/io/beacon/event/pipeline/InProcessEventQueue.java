package io.beacon.event.pipeline;

import io.beacon.event.EventSettings;
import io.beacon.event.alarm.application.AlarmWriter;
import io.beacon.event.alarm.application.AlarmWriterBusyException;
import io.beacon.event.alarm.application.BatchResult;
import io.beacon.event.alarm.application.EventBatchWriter;
import io.beacon.event.domain.NormalisedEvent;
import io.beacon.event.incident.application.IncidentDesk;
import io.beacon.event.ingest.application.Attributor;
import io.beacon.event.ingest.application.EventQueue;
import io.beacon.event.ingest.application.EventsShedException;
import io.beacon.event.ingest.application.IngestMetrics;
import io.beacon.event.ingest.application.Submission;
import io.beacon.platform.startup.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The event pipeline: a bounded event queue, a small command queue, and the one thread that writes
 * alarm rows. For each batch it runs the stages in order: attribute (the CMDB as it is now) →
 * persist and reduce in one transaction (acknowledgements complete on commit: group commit) →
 * correlate and act on the incidents of what the batch raised or cleared → correlation's periodic
 * tick when due. Commands (a person's acknowledgement, a CI claiming addresses) go before the next
 * batch. With one writer nothing can make a batch fail for concurrency; a batch that fails for a
 * real reason (a constraint) is split in halves until the bad event is alone, so it cannot sink the others.
 * Among core nodes the incident stages run only on the node that holds the correlation lease.
 */
@ApplicationScoped
public class InProcessEventQueue implements EventQueue, AlarmWriter {
    private static final Logger LOG = Logger.getLogger(InProcessEventQueue.class.getName());
    /** Commands waiting at most; they are few (people's clicks, CMDB writes), so this only guards against a stuck writer. */
    static final int COMMANDS_MAX = 10_000;
    /** How long the idle writer waits for events before looking at commands and the tick again. */
    static final long IDLE_POLL_MILLIS = 20;
    /** Drained first as the application stops: before the leases its incident stage is fenced with are released. */
    static final int STOP_ORDER = 1000;

    @Inject
    EventSettings settings;

    @Inject
    Attributor attribution;

    @Inject
    EventBatchWriter writer;

    @Inject
    IncidentDesk incidents;

    @Inject
    IngestMetrics metrics;

    @Resource
    ManagedThreadFactory threads;

    private ArrayBlockingQueue<Submission> queue;
    private final LinkedBlockingQueue<Runnable> commands = new LinkedBlockingQueue<>(COMMANDS_MAX);
    private volatile boolean running;
    /** Set as the application stops: what is queued is still written, nothing more is taken. */
    private volatile boolean stopping;
    private volatile Thread thread;
    /** Whether this node runs the incident stage in the current round (only the pipeline's thread uses it). */
    private boolean correlating;

    @PostConstruct
    void create() {
        queue = new ArrayBlockingQueue<>(settings.queueSize());
    }

    void start(@Observes @Priority(200) StartupEvent started) {
        metrics.queueDepthGauge(() -> (long) queue.size());
        running = true;
        thread = threads.newThread(this::run);
        thread.setName("beacon-event-pipeline");
        thread.start();
        LOG.info("Event pipeline started (queue " + settings.queueSize() + ", batches up to " + settings.batchSize() + ")");
    }

    @Override
    public boolean offer(Submission s) {
        if (stopping) {
            metrics.dropped(1);
            if (s.committed() != null) {
                s.committed().completeExceptionally(new EventsShedException("Beacon is stopping"));
            }
            return false;
        }
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

    @Override
    public <T> T call(Supplier<T> command) {
        if (Thread.currentThread() == thread) {
            return command.get(); // already the writer (a command's own side effects): waiting would never end
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        if (!commands.offer(() -> {
            try {
                answer.complete(command.get());
            } catch (RuntimeException | Error e) {
                answer.completeExceptionally(e);
            }
        })) {
            throw new AlarmWriterBusyException("too many changes to alarms are waiting");
        }
        try {
            return answer.get(settings.ackTimeoutSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AlarmWriterBusyException("the alarm writer did not get to the change within "
                    + settings.ackTimeoutSeconds() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AlarmWriterBusyException("interrupted while waiting for the alarm writer");
        }
    }

    @Override
    public void submit(Runnable command) {
        if (!commands.offer(command)) {
            throw new AlarmWriterBusyException("too many changes to alarms are waiting");
        }
    }

    /**
     * Completes once every event offered before this call is written, the incidents of what it
     * raised or cleared are acted on, and correlation's periodic work has run once more at the
     * clock's time. For tests that step a controlled clock (the in-container scenario driver): the
     * call travels the event queue as a submission without an event, behind the events it waits for
     * (a command would overtake them).
     */
    public CompletableFuture<Void> whenCaughtUp() {
        CompletableFuture<Void> reached = new CompletableFuture<>();
        if (!queue.offer(new Submission(null, System.nanoTime(), reached))) {
            reached.completeExceptionally(new EventsShedException("the event queue is full"));
        }
        return reached;
    }

    boolean isStopping() {
        return stopping;
    }

    int commandsWaiting() {
        return commands.size();
    }

    private void run() {
        int max = settings.batchSize();
        List<Submission> batch = new ArrayList<>(max);
        while (running || !queue.isEmpty() || !commands.isEmpty()) {
            try {
                // First in a term (the first round on a single node): alarms that a crash left without their incident get it.
                correlating = incidents.correlates();
                runCommands();
                Submission first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, max - 1);
                    List<Submission> caughtUp = batch.stream().filter(s -> s.event() == null).toList();
                    batch.removeAll(caughtUp);
                    if (!batch.isEmpty()) {
                        handle(batch);
                    }
                    caughtUp.forEach(this::tickFor);
                }
                if (correlating) {
                    incidents.catchUpIfDue();
                    incidents.tickIfDue();
                }
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "The event pipeline failed a batch", e);
            } finally {
                batch.clear();
            }
        }
    }

    private void tickFor(Submission caughtUp) {
        try {
            if (correlating) {
                incidents.tickNow();
            }
            caughtUp.committed().complete(null);
        } catch (RuntimeException e) {
            caughtUp.committed().completeExceptionally(e);
        }
    }

    private void runCommands() {
        for (Runnable command = commands.poll(); command != null; command = commands.poll()) {
            try {
                command.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A command for the event pipeline failed", e);
            }
        }
    }

    /** Attribution, then the write; each batch's events are attributed once, whatever splitting follows. */
    private void handle(List<Submission> batch) {
        List<NormalisedEvent> raw = new ArrayList<>(batch.size());
        for (Submission s : batch) {
            raw.add(s.event());
        }
        write(batch, attribution.attribute(raw));
    }

    private void write(List<Submission> batch, List<NormalisedEvent> events) {
        BatchResult result;
        long writeBegan = System.nanoTime();
        try {
            result = writer.write(events, !correlating); // a core node that does not correlate marks what waits for the one that does
        } catch (RuntimeException failure) {
            if (batch.size() == 1) {
                fail(batch.get(0), events.get(0), failure);
                return;
            }
            int half = batch.size() / 2;
            LOG.log(Level.WARNING, "A batch of " + batch.size() + " events failed (" + failure
                    + "); writing it as two halves");
            write(batch.subList(0, half), events.subList(0, half));
            write(batch.subList(half, batch.size()), events.subList(half, events.size()));
            return;
        }
        long now = System.nanoTime();
        metrics.batchWrite(now - writeBegan);
        Map<String, Long> firstSeenNanos = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Submission s = batch.get(i);
            metrics.latency(now - s.receivedNanos());
            firstSeenNanos.merge(events.get(i).reductionKey(), s.receivedNanos(), Math::min);
            if (s.committed() != null) {
                s.committed().complete(null);
            }
        }
        metrics.processed(result.stored());
        if (result.duplicates() > 0) {
            metrics.duplicates(result.duplicates());
        }
        if (correlating) {
            long stageBegan = System.nanoTime();
            incidents.handle(result, firstSeenNanos);
            if (!result.raised().isEmpty() || !result.cleared().isEmpty()) {
                metrics.incidentStage(System.nanoTime() - stageBegan); // batches of repeats only cost nothing there
            }
        } else {
            incidents.announce(result);
        }
    }

    private void fail(Submission s, NormalisedEvent event, RuntimeException cause) {
        metrics.failed(1);
        LOG.log(Level.WARNING, "Could not store event " + event.reductionKey() + ": " + cause);
        if (s.committed() != null) {
            s.committed().completeExceptionally(new EventsShedException("the event could not be stored"));
        }
    }

    /**
     * As the application stops, while the database is still open: by the time beans are destroyed the
     * persistence unit is closed, and a clean stop under traffic lost the events still queued.
     */
    void drainAtStop(@Observes @Priority(STOP_ORDER) @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        stop();
    }

    @PreDestroy
    void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        running = false;
        Thread t = thread;
        if (t != null) {
            int queued = queue.size();
            try {
                t.join(10_000); // write what was accepted before the server goes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LOG.info("Event pipeline stopped: of the " + queued + " events queued at the stop, " + queue.size()
                    + " were left unwritten");
        }
    }
}
