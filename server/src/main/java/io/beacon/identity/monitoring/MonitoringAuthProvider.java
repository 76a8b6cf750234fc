package io.beacon.identity.monitoring;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.auth.message.config.ClientAuthConfig;
import jakarta.security.auth.message.config.ServerAuthConfig;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.security.auth.message.module.ServerAuthModule;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;

/** The Jakarta Authentication plumbing that hands every request of one module to one {@link ServerAuthModule}. */
final class MonitoringAuthProvider implements AuthConfigProvider {
    private final ServerAuthModule module;

    MonitoringAuthProvider(ServerAuthModule module) {
        this.module = module;
    }

    @Override
    public ClientAuthConfig getClientAuthConfig(String layer, String appContext, CallbackHandler handler) {
        return null; // Beacon authenticates no outgoing messages here
    }

    @Override
    public ServerAuthConfig getServerAuthConfig(String layer, String appContext, CallbackHandler handler) {
        return new ServerAuthConfig() {
            @Override
            public ServerAuthContext getAuthContext(String authContextId, Subject service,
                    @SuppressWarnings("rawtypes") Map properties) throws AuthException {
                module.initialize(null, null, handler, properties);
                return new ServerAuthContext() {
                    @Override
                    public AuthStatus validateRequest(MessageInfo message, Subject client, Subject server)
                            throws AuthException {
                        return module.validateRequest(message, client, server);
                    }

                    @Override
                    public AuthStatus secureResponse(MessageInfo message, Subject server) throws AuthException {
                        return module.secureResponse(message, server);
                    }

                    @Override
                    public void cleanSubject(MessageInfo message, Subject subject) throws AuthException {
                        module.cleanSubject(message, subject);
                    }
                };
            }

            @Override
            public String getMessageLayer() {
                return layer;
            }

            @Override
            public String getAppContext() {
                return appContext;
            }

            @Override
            public String getAuthContextID(MessageInfo message) {
                return appContext;
            }

            @Override
            public void refresh() {
                // nothing cached
            }

            @Override
            public boolean isProtected() {
                return true;
            }
        };
    }

    @Override
    public void refresh() {
        // nothing cached
    }
}
