package io.beacon.integrations.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.event.ingest.application.AlertNormalisation;
import io.beacon.event.ingest.application.GenericEventNormalisation;
import io.beacon.event.ingest.application.TrapNormalisation;
import io.beacon.integrations.alertmanager.AlertmanagerRoute;
import io.beacon.integrations.events.GenericEventRoute;
import io.beacon.integrations.snmp.SnmpTrapRoute;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.ServiceStatus;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;

/** Every event route in one context, as in the server: they start together (unique node ids, stage methods found), each under the shared policy. */
class InboundRoutesTogetherTest extends InboundRouteTest {

    @Override
    protected RoutesBuilder[] channelRoutes() {
        return new RoutesBuilder[] {new SnmpTrapRoute(), new AlertmanagerRoute(), new GenericEventRoute()};
    }

    @Override
    protected void bindStages(Registry registry) {
        // the real stage beans (unwired: nothing is sent): Camel checks at start that the named methods exist
        registry.bind("trapNormalisation", new TrapNormalisation());
        registry.bind("alertNormalisation", new AlertNormalisation());
        registry.bind("genericEventNormalisation", new GenericEventNormalisation());
    }

    @Test
    void theEventRoutesStartTogetherEachUnderTheSharedErrorPolicy() {
        assertThat(context.getRoutes()).extracting(Route::getRouteId).containsExactlyInAnyOrder(IngestRoute.ID,
                SnmpTrapRoute.ID, AlertmanagerRoute.ID, GenericEventRoute.ID);
        for (Route route : context.getRoutes()) {
            assertThat(context.getRouteController().getRouteStatus(route.getRouteId())).isEqualTo(ServiceStatus.Started);
            assertThat(context.getRouteDefinition(route.getRouteId()).getRouteConfigurationId())
                    .isEqualTo(InboundRouteConfiguration.DEAD_LETTER);
        }
    }
}
