package io.beacon.integrations.camel;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;

/** The policy for a source that redelivers (the mailbox): counted, not dead-lettered, and the exchange stays failed. */
class InboundRouteConfigurationTest extends InboundRouteTest {

    @Override
    protected RoutesBuilder[] channelRoutes() {
        return new RoutesBuilder[] {new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:mailbox").routeId("mail-inbound")
                        .routeConfigurationId(InboundRouteConfiguration.SOURCE_REDELIVERS)
                        .throwException(new IllegalStateException("the database is down"));
            }
        }};
    }

    @Override
    protected void bindStages(Registry registry) {
        // the route calls no stage
    }

    @Test
    void aFailureOfARedeliveringSourceIsCountedAndLeftFailedSoTheSourceKeepsItsInput() {
        Exchange exchange = template.send("direct:mailbox", e -> e.getMessage().setBody("a mail"));

        assertThat(exchange.isFailed()).isTrue();
        assertThat(exchange.getException()).hasMessage("the database is down");
        assertThat(metrics.failures("mail-inbound", "IllegalStateException")).isEqualTo(1);
        assertThat(deadLetters()).isEmpty();
    }
}
