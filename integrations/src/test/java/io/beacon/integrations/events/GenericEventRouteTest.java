package io.beacon.integrations.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.beacon.event.domain.EventKind;
import io.beacon.event.domain.EventSource;
import io.beacon.event.domain.NormalisedEvent;
import io.beacon.event.domain.Severity;
import io.beacon.event.ingest.application.EventNotIngestedException;
import io.beacon.event.ingest.application.GenericEvent;
import io.beacon.event.ingest.application.GenericEventNormalisation;
import io.beacon.event.ingest.application.IngestReceipt;
import io.beacon.event.ingest.application.NormalisedDelivery;
import io.beacon.integrations.camel.InboundRouteTest;
import io.beacon.integrations.camel.IngestRoute;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

/** The JSON event route, reached as the REST resource reaches it: through {@link CamelInboundChannels}. */
class GenericEventRouteTest extends InboundRouteTest {
    private final CamelInboundChannels channels = new CamelInboundChannels();

    /** Keys the event by its key; an event without a name fails, as a normaliser bug would. */
    static final class KeyNormalisation extends GenericEventNormalisation {
        @Override
        public NormalisedDelivery normalise(GenericEvent e) {
            if (e.name() == null) {
                throw new NullPointerException("name");
            }
            return NormalisedDelivery.of(new NormalisedEvent(Instant.parse("2026-12-06T10:00:00Z"), EventSource.API,
                    EventKind.PROBLEM, e.name(), e.severity(), "api:" + e.key(), null, null, null, e.ci(), null,
                    e.message(), Map.of()), true);
        }
    }

    @Override
    public void configureTest(TestExecutionConfiguration test) {
        test.withUseAdviceWith(true);
    }

    @Override
    protected RoutesBuilder[] channelRoutes() {
        return new RoutesBuilder[] {new GenericEventRoute()};
    }

    @Override
    protected void bindStages(Registry registry) {
        registry.bind("genericEventNormalisation", new KeyNormalisation());
    }

    @Test
    void anEventReachesTheIngestEndpointNormalisedAndIsAnsweredOnceCommitted() throws Exception {
        AdviceWith.adviceWith(context, GenericEventRoute.ID, route -> route.weaveById("event-to-ingest").before().to("mock:ingest"));
        start();
        MockEndpoint ingest = getMockEndpoint("mock:ingest");
        ingest.expectedMessageCount(1);

        CompletableFuture<IngestReceipt> answer = channels.event(event("HTTP"));

        ingest.assertIsSatisfied();
        assertThat(ingest.getReceivedExchanges().get(0).getMessage().getBody(NormalisedDelivery.class).events())
                .extracting(NormalisedEvent::reductionKey).containsExactly("api:web-01/http");
        assertThat(queue.offered()).hasSize(1);
        assertThat(answer).isNotDone();
        queue.commitAll();
        assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo(new IngestReceipt(1));
    }

    @Test
    void anEventThatFailsNormalisationIsDeadLetteredAndAnsweredAsNotProcessed() {
        start();
        NotifyBuilder failed = new NotifyBuilder(context).fromRoute(GenericEventRoute.ID).whenDone(1).create();

        CompletableFuture<IngestReceipt> answer = channels.event(event(null));

        assertThat(failed.matches(5, TimeUnit.SECONDS)).isTrue();
        assertThat(queue.offered()).isEmpty();
        Throwable failure = catchThrowable(() -> answer.get(5, TimeUnit.SECONDS));
        assertThat(failure).isInstanceOf(ExecutionException.class).cause().isInstanceOf(EventNotIngestedException.class)
                .hasMessageContaining("could not be processed");
        assertThat(((EventNotIngestedException) failure.getCause()).retryable()).isFalse();
        assertThat(metrics.failures(GenericEventRoute.ID, "NullPointerException")).isEqualTo(1);
        assertThat(deadLetters()).singleElement().satisfies(line -> assertThat(line).contains(
                "\"channel\":\"json-events\"", "\"inputType\":\"io.beacon.event.ingest.application.GenericEvent\"",
                "\"key\":\"web-01/http\""));
    }

    @Test
    void anEventWhoseHandOffFailsIsDeadLetteredAndAnsweredAsRetryable() {
        start();
        queue.breakDown();

        CompletableFuture<IngestReceipt> answer = channels.event(event("HTTP"));

        Throwable failure = catchThrowable(() -> answer.get(5, TimeUnit.SECONDS));
        assertThat(failure).cause().isInstanceOf(EventNotIngestedException.class);
        assertThat(((EventNotIngestedException) failure.getCause()).retryable()).isTrue();
        assertThat(metrics.failures(IngestRoute.ID, "IllegalStateException")).isEqualTo(1);
        assertThat(deadLetters()).singleElement().satisfies(line -> assertThat(line).contains(
                "\"route\":\"ingest\"", "\"reductionKey\":\"api:web-01/http\"", "\"committed\":null"));
    }

    @Test
    void aRouteThatCannotRunAnswersAFailedFutureNotAnException() {
        start();
        context.stop();

        CompletableFuture<IngestReceipt> answer = channels.event(event("HTTP"));

        assertThat(answer).isCompletedExceptionally();
    }

    private void start() {
        context.start();
        channels.producer = template;
    }

    private static GenericEvent event(String name) {
        return new GenericEvent("nagios", "web-01", Severity.MAJOR, name, "503 on /login", "web-01/http", false, Map.of());
    }
}
