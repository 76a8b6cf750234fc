package io.beacon.integrations.camel;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * The one error policy of the inbound routes, each opting in by id. {@value #DEAD_LETTER} (the
 * event channels and the ingest route): a failed stage is counted, logged and its input kept as a
 * dead letter; the exchange ends there, handled, so the channel goes on with the next input and
 * nothing acknowledges the failed one. {@value #SOURCE_REDELIVERS} (the mailbox, which keeps an
 * unprocessed mail unread and offers it again, and moves a mail that keeps failing aside itself):
 * counted and logged, the exchange stays failed so that the source does redeliver.
 */
@Dependent
public class InboundRouteConfiguration extends RouteConfigurationBuilder {
    public static final String DEAD_LETTER = "inbound-dead-letter";
    public static final String SOURCE_REDELIVERS = "inbound-source-redelivers";

    @Inject
    InboundFailures failures;

    InboundRouteConfiguration() {
        // CDI
    }

    InboundRouteConfiguration(InboundFailures failures) {
        this.failures = failures;
    }

    @Override
    public void configuration() {
        routeConfiguration(DEAD_LETTER).description("Count, log and dead-letter a failed inbound stage; never acknowledge it")
                .onException(Exception.class).handled(true)
                .bean(failures, "deadLetter");
        routeConfiguration(SOURCE_REDELIVERS).description("Count and log a failed input that its source redelivers")
                .onException(Exception.class).handled(false)
                .bean(failures, "countAndLog");
    }
}
