package io.beacon.integrations.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.event.domain.EventKind;
import io.beacon.event.domain.EventSource;
import io.beacon.event.domain.NormalisedEvent;
import io.beacon.event.domain.Severity;
import io.beacon.event.ingest.application.NormalisedDelivery;
import io.beacon.event.ingest.application.TrapNormalisation;
import io.beacon.event.ingest.domain.Trap;
import io.beacon.integrations.camel.InboundRouteTest;
import io.beacon.integrations.camel.IngestRoute;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

class SnmpTrapRouteTest extends InboundRouteTest {
    private static final String BROKEN_OID = "1.3.6.1.4.1.99999.0.666";

    /** Names the event by the trap's OID; a trap of {@link #BROKEN_OID} fails, as a bad definition would. */
    static final class OidNormalisation extends TrapNormalisation {
        @Override
        public NormalisedDelivery normalise(Trap trap) {
            if (BROKEN_OID.equals(trap.trapOid())) {
                throw new IllegalStateException("trap definition for " + BROKEN_OID + " is broken");
            }
            return NormalisedDelivery.of(new NormalisedEvent(trap.receivedAt(), EventSource.SNMP, EventKind.PROBLEM,
                    trap.trapOid(), Severity.MAJOR, trap.trapOid() + ":" + trap.udpSource(), null, null, null,
                    trap.udpSource(), null, "trap " + trap.trapOid(), Map.of()), trap.inform());
        }
    }

    @Override
    public void configureTest(TestExecutionConfiguration test) {
        test.withUseAdviceWith(true);
    }

    @Override
    protected RoutesBuilder[] channelRoutes() {
        return new RoutesBuilder[] {new SnmpTrapRoute()};
    }

    @Override
    protected void bindStages(Registry registry) {
        registry.bind("trapNormalisation", new OidNormalisation());
    }

    @Test
    void aTrapReachesTheIngestEndpointNormalisedAndIsOfferedWithoutWaitingForItsCommit() throws Exception {
        AdviceWith.adviceWith(context, SnmpTrapRoute.ID, route -> route.weaveById("trap-to-ingest").before().to("mock:ingest"));
        context.start();
        MockEndpoint ingest = getMockEndpoint("mock:ingest");
        ingest.expectedMessageCount(1);
        NotifyBuilder handedOff = new NotifyBuilder(context).fromRoute(SnmpTrapRoute.ID).wereSentTo(IngestRoute.URI)
                .whenCompleted(1).create();

        template.sendBody(SnmpTrapRoute.URI, trap("1.3.6.1.6.3.1.1.5.3", false));

        ingest.assertIsSatisfied();
        NormalisedDelivery delivery = ingest.getReceivedExchanges().get(0).getMessage().getBody(NormalisedDelivery.class);
        assertThat(delivery.events()).extracting(NormalisedEvent::name).containsExactly("1.3.6.1.6.3.1.1.5.3");
        assertThat(delivery.awaitsCommit()).isFalse();
        assertThat(handedOff.matches(5, TimeUnit.SECONDS)).isTrue();
        assertThat(queue.offered()).singleElement().satisfies(s -> {
            assertThat(s.event().reductionKey()).isEqualTo("1.3.6.1.6.3.1.1.5.3:192.0.2.7");
            assertThat(s.committed()).isNull();
        });
    }

    @Test
    void anInformIsAnsweredOnlyOnceItsEventIsCommitted() {
        context.start();
        AtomicInteger answers = new AtomicInteger();

        template.sendBodyAndProperty(SnmpTrapRoute.URI, trap("1.3.6.1.6.3.1.1.5.3", true), InformAnswer.PROPERTY,
                (Runnable) answers::incrementAndGet);

        assertThat(queue.offered()).hasSize(1);
        assertThat(answers).hasValue(0);
        queue.commitAll();
        assertThat(answers).hasValue(1);
    }

    @Test
    void anInformWhoseEventIsShedIsNotAnswered() {
        context.start();
        queue.fill();
        AtomicInteger answers = new AtomicInteger();

        template.sendBodyAndProperty(SnmpTrapRoute.URI, trap("1.3.6.1.6.3.1.1.5.3", true), InformAnswer.PROPERTY,
                (Runnable) answers::incrementAndGet);
        queue.commitAll();

        assertThat(answers).hasValue(0);
        assertThat(deadLetters()).isEmpty(); // shedding is overload, counted by the queue, not a failure
    }

    @Test
    void aTrapThatFailsNormalisationIsDeadLetteredCountedAndItsInformNotAnswered() {
        context.start();
        NotifyBuilder failedThenPassed = new NotifyBuilder(context).fromRoute(SnmpTrapRoute.ID).whenDone(2).create();
        AtomicInteger answers = new AtomicInteger();

        template.sendBodyAndProperty(SnmpTrapRoute.URI, trap(BROKEN_OID, true), InformAnswer.PROPERTY,
                (Runnable) answers::incrementAndGet);
        template.sendBody(SnmpTrapRoute.URI, trap("1.3.6.1.6.3.1.1.5.4", false)); // the channel goes on
        queue.commitAll();

        assertThat(failedThenPassed.matches(5, TimeUnit.SECONDS)).isTrue();
        assertThat(answers).hasValue(0);
        assertThat(queue.offered()).extracting(s -> s.event().name()).containsExactly("1.3.6.1.6.3.1.1.5.4");
        assertThat(metrics.failures(SnmpTrapRoute.ID, "IllegalStateException")).isEqualTo(1);
        assertThat(deadLetters()).singleElement().satisfies(line -> assertThat(line)
                .contains("\"channel\":\"snmp-traps\"", "\"route\":\"snmp-traps\"", "\"reason\":\"IllegalStateException\"",
                        "\"inputType\":\"io.beacon.event.ingest.domain.Trap\"", "\"trapOid\":\"" + BROKEN_OID + "\"",
                        "\"udpSource\":\"192.0.2.7\"", "is broken"));
    }

    @Test
    void aFailedHandOffIsDeadLetteredWithTheNormalisedEventAndCountedAgainstTheIngestRoute() {
        context.start();
        queue.breakDown();
        AtomicInteger answers = new AtomicInteger();

        template.sendBodyAndProperty(SnmpTrapRoute.URI, trap("1.3.6.1.6.3.1.1.5.3", true), InformAnswer.PROPERTY,
                (Runnable) answers::incrementAndGet);

        assertThat(answers).hasValue(0);
        assertThat(metrics.failures(IngestRoute.ID, "IllegalStateException")).isEqualTo(1);
        assertThat(metrics.failures(SnmpTrapRoute.ID, "IllegalStateException")).isZero();
        assertThat(deadLetters()).singleElement().satisfies(line -> assertThat(line)
                .contains("\"channel\":\"snmp-traps\"", "\"route\":\"ingest\"",
                        "\"inputType\":\"io.beacon.event.ingest.application.NormalisedDelivery\"",
                        "\"reductionKey\":\"1.3.6.1.6.3.1.1.5.3:192.0.2.7\""));
    }

    private static Trap trap(String oid, boolean inform) {
        return new Trap(Trap.Version.V2C, "192.0.2.7", null, null, -1, -1, oid,
                List.of(new Trap.VarBind(Trap.SYS_UPTIME, "12345"), new Trap.VarBind(Trap.SNMP_TRAP_OID, oid),
                        new Trap.VarBind("1.3.6.1.2.1.2.2.1.1.3", "3")),
                null, inform, false, Instant.parse("2026-12-06T10:00:00Z"));
    }
}
