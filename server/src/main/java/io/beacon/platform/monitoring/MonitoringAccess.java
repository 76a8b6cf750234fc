package io.beacon.platform.monitoring;

import io.beacon.identity.application.ApiTokens;
import io.beacon.identity.application.Authenticator;
import io.beacon.identity.domain.Actor;
import io.beacon.identity.domain.Role;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.auth.message.config.AuthConfigFactory;
import java.util.ArrayList;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts Liberty's /metrics (with {@code BEACON_METRICS_AUTH=true}) and, if asked, /openapi behind
 * Beacon's own users and tokens: an administrator, or a user or token with the {@code metrics} role.
 * Those modules are Liberty's, outside Beacon's application, so Beacon registers an authentication
 * module for them by their application context ("default_host /metrics").
 */
@ApplicationScoped
public class MonitoringAccess {
    private static final Logger LOG = Logger.getLogger(MonitoringAccess.class.getName());
    private static final String SERVLET_LAYER = "HttpServlet";
    private static final String VIRTUAL_HOST = "default_host";

    @Inject
    Authenticator authenticator;

    @Inject
    ApiTokens tokens;

    @Resource
    ContextService contextService;

    @Inject
    @ConfigProperty(name = "beacon.metrics.auth", defaultValue = "false")
    boolean metricsAuth;

    @Inject
    @ConfigProperty(name = "beacon.openapi.auth", defaultValue = "false")
    boolean openApiAuth;

    private final java.util.List<String> registrations = new ArrayList<>();

    /** Registers a module for each of Liberty's monitoring endpoints; called once at start-up. */
    public void install() {
        // The module runs on Liberty's threads for its own modules: the checks run in Beacon's context.
        @SuppressWarnings("unchecked")
        Function<String, Optional<Actor>> verifier = contextService.createContextualProxy(
                (Function<String, Optional<Actor>>) this::caller, Function.class);
        MonitoringAuthProvider guarded = new MonitoringAuthProvider(
                new MonitoringAuthModule(verifier, MonitoringAccess::mayRead));
        MonitoringAuthProvider open = new MonitoringAuthProvider(MonitoringAuthModule.open());
        register("/metrics", metricsAuth ? guarded : open);
        register("/openapi", openApiAuth ? guarded : open);
        register("/health", open);
        LOG.info("/metrics " + (metricsAuth ? "asks for an admin or a metrics user or token" : "is open")
                + "; /openapi " + (openApiAuth ? "asks for an admin or a metrics user or token" : "is open"));
    }

    private void register(String contextRoot, MonitoringAuthProvider provider) {
        registrations.add(AuthConfigFactory.getFactory().registerConfigProvider(provider, SERVLET_LAYER,
                VIRTUAL_HOST + " " + contextRoot, "Beacon: " + contextRoot));
    }

    static boolean mayRead(Actor actor) {
        return actor.roles().contains(Role.ADMIN) || actor.roles().contains(Role.METRICS);
    }

    private Optional<Actor> caller(String authorization) {
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return tokens.verify(authorization.substring(7).trim());
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return authenticator.verifyBasic(authorization.substring(6));
        }
        return Optional.empty();
    }

    /** Unregisters on shutdown, so that a restarted application registers afresh. */
    @jakarta.annotation.PreDestroy
    void uninstall() {
        AuthConfigFactory factory = AuthConfigFactory.getFactory();
        registrations.forEach(factory::removeRegistration);
    }
}
