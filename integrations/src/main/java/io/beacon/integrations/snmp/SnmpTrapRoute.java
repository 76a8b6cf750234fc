package io.beacon.integrations.snmp;

import io.beacon.event.ingest.application.EventIntake;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.builder.RouteBuilder;

/** SNMP traps: from the receiver into the event intake; an INFORM is answered when its event is committed. */
@Dependent
public class SnmpTrapRoute extends RouteBuilder {
    @Inject
    EventIntake intake;

    @Override
    public void configure() {
        from(SnmpTrapReceiver.ROUTE).routeId("snmp-traps").process(exchange -> {
            SnmpNotification n = exchange.getIn().getBody(SnmpNotification.class);
            CompletableFuture<Void> committed = intake.trap(n.trap(), n.acknowledge() != null);
            if (committed != null) {
                committed.thenRun(n.acknowledge()); // shed or failed: no answer, the sender retries
            }
        });
    }
}
