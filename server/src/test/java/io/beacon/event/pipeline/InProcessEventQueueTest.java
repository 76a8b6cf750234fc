package io.beacon.event.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beacon.event.EventSettings;
import io.beacon.event.alarm.application.AlarmWriterBusyException;
import io.beacon.event.alarm.application.BatchResult;
import io.beacon.event.alarm.application.EventBatchWriter;
import io.beacon.event.domain.EventKind;
import io.beacon.event.domain.EventSource;
import io.beacon.event.domain.NormalisedEvent;
import io.beacon.event.domain.Severity;
import io.beacon.event.incident.application.IncidentDesk;
import io.beacon.event.ingest.application.Attributor;
import io.beacon.event.ingest.application.IngestMetrics;
import io.beacon.event.ingest.application.Submission;
import io.beacon.platform.startup.StartupEvent;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pipeline's one writer thread: events in batches, commands between them, never shed, never raced. */
class InProcessEventQueueTest {
    private final List<List<String>> written = Collections.synchronizedList(new ArrayList<>());
    private final List<String> threadsThatWrote = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch writing = new CountDownLatch(1);
    private volatile boolean holdFirstBatch;
    private volatile String poison;
    private final InProcessEventQueue pipeline = new InProcessEventQueue();

    InProcessEventQueueTest() {
        pipeline.settings = new EventSettings() {
            @Override
            public int queueSize() {
                return 10;
            }

            @Override
            public int batchSize() {
                return 8;
            }

            @Override
            public int ackTimeoutSeconds() {
                return 1;
            }
        };
        pipeline.attribution = new Attributor() {
            @Override
            public List<NormalisedEvent> attribute(List<NormalisedEvent> events) {
                return events.stream().map(e -> e.attributed(null, null, null)).toList();
            }
        };
        pipeline.writer = new EventBatchWriter() {
            @Override
            public BatchResult write(List<NormalisedEvent> events, boolean awaitCorrelation) {
                threadsThatWrote.add(Thread.currentThread().getName());
                if (holdFirstBatch) {
                    holdFirstBatch = false;
                    writing.countDown();
                    await(release);
                }
                List<String> keys = events.stream().map(NormalisedEvent::reductionKey).toList();
                if (poison != null && keys.contains(poison)) {
                    throw new IllegalStateException("constraint violated by " + poison);
                }
                written.add(keys);
                return new BatchResult(events.size(), 0, List.of(), List.of());
            }
        };
        pipeline.incidents = new IncidentDesk() {
            @Override
            public boolean correlates() {
                return true;
            }

            @Override
            public void handle(BatchResult result, Map<String, Long> firstSeenNanos) {}

            @Override
            public void tickIfDue() {}

            @Override
            public void sweep() {}
        };
        pipeline.metrics = new IngestMetrics() {
            @Override
            public void queueDepthGauge(Supplier<Long> depth) {}

            @Override
            public void processed(long n) {}

            @Override
            public void dropped(long n) {}

            @Override
            public void failed(long n) {}

            @Override
            public void latency(long nanos) {}

            @Override
            public void batchWrite(long nanos) {}

            @Override
            public void incidentStage(long nanos) {}
        };
        pipeline.threads = new ManagedThreadFactory() {
            @Override
            public Thread newThread(Runnable r) {
                return new Thread(r);
            }

            @Override
            public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
                throw new UnsupportedOperationException();
            }
        };
        pipeline.create();
    }

    @AfterEach
    void stop() {
        release.countDown();
        pipeline.stop();
    }

    @Test
    void aCommandRunsOnTheWriterThreadAndItsAnswerOrFailureComesBack() {
        pipeline.start(new StartupEvent());
        assertThat(pipeline.call(() -> Thread.currentThread().getName())).isEqualTo("beacon-event-pipeline");
        assertThatThrownBy(() -> pipeline.call(() -> {
            throw new IllegalArgumentException("no such alarm");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("no such alarm");
    }

    @Test
    void commandsAreNeverShedWhenEventsAreAndGoBeforeTheWaitingEvents() throws Exception {
        holdFirstBatch = true;
        pipeline.start(new StartupEvent());
        pipeline.offer(submission("first"));
        assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
        int shed = 0;
        for (int i = 0; i < 30; i++) {
            if (!pipeline.offer(submission("flood-" + i))) {
                shed++;
            }
        }
        assertThat(shed).isEqualTo(20); // the queue holds 10

        CompletableFuture<Integer> command = CompletableFuture.supplyAsync(() -> pipeline.call(() -> written.size()));
        while (pipeline.commandsWaiting() == 0) {
            Thread.onSpinWait();
        }
        release.countDown();
        // Only the first batch was written when the command ran: it went before the ten waiting events.
        assertThat(command.get(5, TimeUnit.SECONDS)).isEqualTo(1);
    }

    @Test
    void aCommandTheWriterCannotGetToInTimeIsBusyNotLost() throws Exception {
        holdFirstBatch = true;
        pipeline.start(new StartupEvent());
        pipeline.offer(submission("first"));
        assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> pipeline.call(() -> "late")).isInstanceOf(AlarmWriterBusyException.class)
                .hasMessageContaining("did not get to the change within 1 s");
    }

    @Test
    void aBatchWithOneBadEventIsSplitUntilOnlyThatEventFails() throws Exception {
        poison = "k3";
        holdFirstBatch = true;
        pipeline.start(new StartupEvent());
        pipeline.offer(submission("first"));
        assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
        List<Submission> batch = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            batch.add(submission("k" + i));
            pipeline.offer(batch.get(i));
        }
        release.countDown();
        for (Submission s : batch) {
            CompletableFuture<Void> done = s.committed();
            if (s.event().reductionKey().equals("k3")) {
                assertThatThrownBy(() -> done.get(5, TimeUnit.SECONDS)).hasMessageContaining("could not be stored");
            } else {
                done.get(5, TimeUnit.SECONDS);
            }
        }
        assertThat(written.stream().flatMap(List::stream).toList())
                .containsExactlyInAnyOrder("first", "k0", "k1", "k2", "k4", "k5", "k6", "k7");
        assertThat(threadsThatWrote).containsOnly("beacon-event-pipeline");
    }

    @Test
    void aStopWritesWhatIsQueuedAndRefusesWhatComesAfter() throws Exception {
        holdFirstBatch = true;
        pipeline.start(new StartupEvent());
        pipeline.offer(submission("first"));
        assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
        Submission queued = submission("queued");
        pipeline.offer(queued);
        Thread stopping = new Thread(() -> pipeline.drainAtStop(new Object()));
        stopping.start();
        while (!pipeline.isStopping()) {
            Thread.onSpinWait();
        }
        Submission late = submission("late");
        assertThat(pipeline.offer(late)).isFalse();
        assertThatThrownBy(() -> late.committed().get(5, TimeUnit.SECONDS)).hasMessageContaining("stopping");
        release.countDown();
        stopping.join(10_000);
        queued.committed().get(5, TimeUnit.SECONDS);
        assertThat(written.stream().flatMap(List::stream).toList()).containsExactly("first", "queued");
    }

    private static Submission submission(String key) {
        NormalisedEvent e = new NormalisedEvent(Instant.EPOCH, EventSource.API, EventKind.PROBLEM, "n", Severity.MAJOR,
                key, null, null, null, null, null, "m", Map.of());
        return new Submission(e, System.nanoTime(), new CompletableFuture<>());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
