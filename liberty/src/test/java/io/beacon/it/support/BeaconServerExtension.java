package io.beacon.it.support;

import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts Beacon once for the whole test run (kept in the root context store, closed at the end)
 * and points REST Assured at it. Test classes ask for the {@link BeaconServer} as a parameter.
 */
public class BeaconServerExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        BeaconServer server = server(context);
        RestAssured.baseURI = server.baseUrl();
        RestAssured.port = server.httpPort();
        Metrics.scrapeAt(server.httpsPort());
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static BeaconServer server(ExtensionContext context) {
        return holder(context).server;
    }

    private static Holder holder(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(BeaconServer.class.getName(), key -> startServer(), Holder.class);
    }

    private static Holder startServer() {
        try {
            TestMailServer mail = new TestMailServer(); // before Beacon, which polls it from its first second
            BeaconServer server = new BeaconServer(System.getProperty("beacon.it.db", "h2"));
            server.environment(mail.beaconEnvironment());
            server.start();
            return new Holder(server, mail);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start Beacon: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == BeaconServer.class || p.getParameter().getType() == TestMailServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == TestMailServer.class ? holder(e).mail : server(e);
    }

    /** Stops the server and drops its database when the test run ends. */
    static final class Holder implements ExtensionContext.Store.CloseableResource {
        final BeaconServer server;
        final TestMailServer mail;

        Holder(BeaconServer server, TestMailServer mail) {
            this.server = server;
            this.mail = mail;
        }

        @Override
        public void close() {
            server.shutdown();
            mail.stop();
        }
    }
}
