package io.beacon.it.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands console tests one headless Chromium for the whole test run (started on first use, kept in
 * the root context store, quit at the end). Use together with {@link BeaconServerExtension}.
 */
public class BrowserExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        BeaconServer server = BeaconServerExtension.server(e);
        return e.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Browser.class.getName(), key -> start(server), Holder.class).browser;
    }

    private static Holder start(BeaconServer server) {
        try {
            return new Holder(new Browser(server.baseUrl()));
        } catch (Exception ex) {
            throw new IllegalStateException("Could not start the browser: " + ex.getMessage(), ex);
        }
    }

    static final class Holder implements ExtensionContext.Store.CloseableResource {
        final Browser browser;

        Holder(Browser browser) {
            this.browser = browser;
        }

        @Override
        public void close() {
            browser.close();
        }
    }
}
