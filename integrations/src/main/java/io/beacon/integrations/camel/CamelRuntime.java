package io.beacon.integrations.camel;

import io.beacon.platform.startup.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RouteConfigurationsBuilder;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultRegistry;

/**
 * Owns Beacon's one CamelContext (camel-cdi is gone in Camel 4): creates it with a registry in
 * which routes find {@code @Named} CDI beans (the ingest stages), adds the shared route
 * configuration and then every route builder that CDI knows (one per inbound channel and the
 * ingest route, each a {@code @Dependent} bean), starts it once the schema is migrated, and stops
 * it with the application.
 */
@ApplicationScoped
public class CamelRuntime {
    private static final Logger LOG = Logger.getLogger(CamelRuntime.class.getName());

    @Inject
    @Any
    Instance<RoutesBuilder> routes;

    @Inject
    BeanManager beans;

    private CamelContext context;
    private ProducerTemplate producer;

    void start(@Observes StartupEvent started) throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext(new DefaultRegistry(new CdiBeanRepository(beans)));
        camel.getCamelContextExtension().setName("beacon");
        camel.setApplicationContextClassLoader(CamelRuntime.class.getClassLoader());
        int count = 0;
        for (RoutesBuilder builder : routes) { // route configurations first: the routes name them
            if (builder instanceof RouteConfigurationsBuilder configurations) {
                camel.addRoutesConfigurations(configurations);
            }
        }
        for (RoutesBuilder builder : routes) {
            if (!(builder instanceof RouteConfigurationsBuilder)) {
                camel.addRoutes(builder);
                count++;
            }
        }
        camel.start();
        context = camel;
        producer = camel.createProducerTemplate();
        LOG.info("Camel started with " + count + " route builders and " + camel.getRoutes().size() + " routes");
    }

    @PreDestroy
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    /** Hands a message to a route from outside Camel (a REST resource, a scheduler). */
    @Produces
    @ApplicationScoped
    ProducerTemplate producerTemplate() {
        if (producer == null) {
            throw new IllegalStateException("Camel is not started yet");
        }
        return producer;
    }

    public CamelContext context() {
        return context;
    }
}
