package io.beacon.event.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.beacon.event.domain.EventKind;
import io.beacon.event.domain.EventSource;
import io.beacon.event.domain.NormalisedEvent;
import io.beacon.event.domain.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class EventHandOffTest {
    private final List<Submission> offered = new ArrayList<>();
    private final EventHandOff handOff = new EventHandOff(new EventQueue() {
        @Override
        public boolean offer(Submission s) {
            if (s.event().name().startsWith("shed")) {
                s.committed().completeExceptionally(new EventsShedException("the event queue is full"));
                return false;
            }
            offered.add(s);
            return true;
        }

        @Override
        public int depth() {
            return offered.size();
        }
    });

    @Test
    void aTrapNobodyWaitsForIsOfferedWithoutAnAnswerToComplete() {
        handOff.offer(NormalisedDelivery.of(event("linkDown"), false));

        assertThat(offered).singleElement().satisfies(s -> assertThat(s.committed()).isNull());
    }

    @Test
    void aDeliveryIsAnsweredOnlyOnceEveryOneOfItsEventsIsCommitted() {
        NormalisedDelivery delivery = new NormalisedDelivery(List.of(event("a"), event("b")),
                new CompletableFuture<>());
        handOff.offer(delivery);

        offered.get(0).committed().complete(null);
        assertThat(delivery.committed()).isNotDone();
        offered.get(1).committed().complete(null);
        assertThat(delivery.committed().join()).isEqualTo(new IngestReceipt(2));
    }

    @Test
    void theAnswersOfADeliverysPartsAddUpAndNameEveryDeadLetterWhenPartsFailed() {
        NormalisedDelivery good = NormalisedDelivery.of(event("a"), true);
        NormalisedDelivery shed = NormalisedDelivery.of(event("shed"), true);
        NormalisedDelivery failed = NormalisedDelivery.failed(EventNotIngestedException.of("letter-1", false));
        handOff.offer(good);
        handOff.offer(shed);
        offered.get(0).committed().complete(null);

        assertThat(NormalisedDelivery.allOf(List.of(good, NormalisedDelivery.of(event("b"), false))).committed().join())
                .isEqualTo(new IngestReceipt(2));
        assertThat(catchThrowable(() -> NormalisedDelivery.allOf(List.of(good, shed)).committed().join()))
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(EventsShedException.class);
        Throwable both = catchThrowable(() -> NormalisedDelivery.allOf(List.of(good, shed, failed)).committed().join());
        assertThat(both).cause().isInstanceOf(EventNotIngestedException.class)
                .hasMessage("1 of 3 events could not be processed and were kept as dead letters [letter-1]; accepted: 1");
        assertThat(((EventNotIngestedException) both.getCause()).retryable()).isFalse();
    }

    private static NormalisedEvent event(String name) {
        return new NormalisedEvent(Instant.parse("2026-12-06T10:00:00Z"), EventSource.API, EventKind.PROBLEM, name,
                Severity.MAJOR, "api:" + name, null, null, null, null, null, name, Map.of());
    }
}
