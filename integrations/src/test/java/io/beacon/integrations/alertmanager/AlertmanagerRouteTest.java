package io.beacon.integrations.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.beacon.event.domain.EventKind;
import io.beacon.event.domain.EventSource;
import io.beacon.event.domain.NormalisedEvent;
import io.beacon.event.domain.Severity;
import io.beacon.event.ingest.application.AlertNormalisation;
import io.beacon.event.ingest.application.EventNotIngestedException;
import io.beacon.event.ingest.application.EventsShedException;
import io.beacon.event.ingest.application.IngestReceipt;
import io.beacon.event.ingest.application.NormalisedDelivery;
import io.beacon.event.ingest.domain.AlertmanagerAlert;
import io.beacon.integrations.camel.InboundRouteTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

class AlertmanagerRouteTest extends InboundRouteTest {

    /** Names the event by its alertname; the alert named Broken fails, as an unforeseen label set might. */
    static final class NameNormalisation extends AlertNormalisation {
        @Override
        public NormalisedDelivery normalise(AlertmanagerAlert alert) {
            String name = alert.labels().get("alertname");
            if ("Broken".equals(name)) {
                throw new IllegalArgumentException("cannot normalise " + name);
            }
            return NormalisedDelivery.of(new NormalisedEvent(Instant.parse("2026-12-06T10:00:00Z"),
                    EventSource.ALERTMANAGER, EventKind.PROBLEM, name, Severity.MAJOR, "alertmanager:" + name, null,
                    null, null, null, null, name, Map.of()), true);
        }
    }

    @Override
    public void configureTest(TestExecutionConfiguration test) {
        test.withUseAdviceWith(true);
    }

    @Override
    protected RoutesBuilder[] channelRoutes() {
        return new RoutesBuilder[] {new AlertmanagerRoute()};
    }

    @Override
    protected void bindStages(Registry registry) {
        registry.bind("alertNormalisation", new NameNormalisation());
    }

    @Test
    void eachAlertReachesTheIngestEndpointNormalisedAndTheDeliveryIsAnsweredOnceAllAreCommitted() throws Exception {
        AdviceWith.adviceWith(context, AlertmanagerRoute.ID, route -> route.weaveById("alert-to-ingest").before().to("mock:ingest"));
        context.start();
        MockEndpoint ingest = getMockEndpoint("mock:ingest");
        ingest.expectedMessageCount(3);

        NormalisedDelivery delivery = deliver(alert("DiskFull"), alert("HighLoad"), alert("InstanceDown"));

        ingest.assertIsSatisfied();
        assertThat(ingest.getReceivedExchanges()).extracting(e -> e.getMessage().getBody(NormalisedDelivery.class)
                .events().get(0).name()).containsExactly("DiskFull", "HighLoad", "InstanceDown");
        assertThat(queue.offered()).extracting(s -> s.event().reductionKey())
                .containsExactly("alertmanager:DiskFull", "alertmanager:HighLoad", "alertmanager:InstanceDown");
        assertThat(delivery.committed()).isNotDone();
        queue.commitAll();
        assertThat(delivery.committed().get(5, TimeUnit.SECONDS)).isEqualTo(new IngestReceipt(3));
    }

    @Test
    void anAlertThatFailsIsDeadLetteredAndTheOthersAreStillIngestedButTheDeliveryIsNotAcknowledged() {
        context.start();
        NotifyBuilder done = new NotifyBuilder(context).fromRoute(AlertmanagerRoute.ID).whenDone(1).create();

        NormalisedDelivery delivery = deliver(alert("DiskFull"), alert("Broken"), alert("InstanceDown"));
        queue.commitAll();

        assertThat(done.matches(5, TimeUnit.SECONDS)).isTrue();
        assertThat(queue.offered()).extracting(s -> s.event().name()).containsExactly("DiskFull", "InstanceDown");
        Throwable answer = catchThrowable(() -> delivery.committed().join());
        assertThat(answer).isInstanceOf(CompletionException.class).cause()
                .isInstanceOf(EventNotIngestedException.class)
                .hasMessageContaining("1 of 3 events could not be processed")
                .hasMessageContaining("accepted: 2");
        assertThat(((EventNotIngestedException) answer.getCause()).retryable()).isFalse();
        assertThat(metrics.failures(AlertmanagerRoute.ID, "IllegalArgumentException")).isEqualTo(1);
        assertThat(deadLetters()).singleElement().satisfies(line -> assertThat(line).contains(
                "\"route\":\"alertmanager-webhook\"", "\"inputType\":\"io.beacon.event.ingest.domain.AlertmanagerAlert\"",
                "\"alertname\":\"Broken\"", "\"instance\":\"web-01:9100\"",
                ((EventNotIngestedException) answer.getCause()).deadLetters().get(0)));
    }

    @Test
    void aDeliveryWhoseAlertsAreShedIsAnsweredAsShedAndNotDeadLettered() {
        context.start();
        queue.fill();

        NormalisedDelivery delivery = deliver(alert("DiskFull"), alert("HighLoad"));

        assertThat(catchThrowable(() -> delivery.committed().join())).cause().isInstanceOf(EventsShedException.class);
        assertThat(deadLetters()).isEmpty();
    }

    private NormalisedDelivery deliver(AlertmanagerAlert... alerts) {
        return template.requestBody(AlertmanagerRoute.URI, List.of(alerts), NormalisedDelivery.class);
    }

    private static AlertmanagerAlert alert(String name) {
        return new AlertmanagerAlert("firing", Map.of("alertname", name, "instance", "web-01:9100"),
                Map.of("summary", name + " on web-01"), "2026-12-06T09:59:00Z", null, null, null);
    }
}
