package io.beacon.identity.monitoring;

import io.beacon.identity.application.SignInResult;
import io.beacon.identity.application.SignIns;
import io.beacon.identity.security.ClientAddress;
import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.Role;
import io.beacon.platform.startup.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.security.auth.message.config.AuthConfigFactory;
import java.util.ArrayList;
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
    SignIns signIns;

    @Inject
    ClientAddress clientAddress;

    @Resource
    ContextService contextService;

    @Inject
    @ConfigProperty(name = "beacon.metrics.auth", defaultValue = "false")
    boolean metricsAuth;

    @Inject
    @ConfigProperty(name = "beacon.openapi.auth", defaultValue = "false")
    boolean openApiAuth;

    private final java.util.List<String> registrations = new ArrayList<>();

    /** Registers a module for each of Liberty's monitoring endpoints, once at start-up. */
    void install(@Observes @Priority(StartupEvent.MONITORING_ACCESS) StartupEvent started) {
        // The module runs on Liberty's threads for its own modules: the checks run in Beacon's context.
        MonitoringAuthModule.Verifier verifier = contextService.createContextualProxy(
                (MonitoringAuthModule.Verifier) this::caller, MonitoringAuthModule.Verifier.class);
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

    /** Through the same throttled door as the API: failures count, back-offs and locks hold here too. */
    private SignInResult caller(String authorization, String remoteAddress, String forwardedFor) {
        String address = clientAddress.of(remoteAddress, forwardedFor);
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return signIns.withToken(authorization.substring(7).trim(), address);
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return signIns.withBasic(authorization.substring(6), address);
        }
        return signIns.withPassword(null, null, address);
    }

    /** Unregisters on shutdown, so that a restarted application registers afresh. */
    @jakarta.annotation.PreDestroy
    void uninstall() {
        AuthConfigFactory factory = AuthConfigFactory.getFactory();
        registrations.forEach(factory::removeRegistration);
    }
}
