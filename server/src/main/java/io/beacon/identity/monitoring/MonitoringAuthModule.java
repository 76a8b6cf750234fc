package io.beacon.identity.monitoring;

import io.beacon.identity.application.SignInResult;
import io.beacon.platform.domain.Actor;
import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.MessagePolicy;
import jakarta.security.auth.message.module.ServerAuthModule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;

/**
 * Checks the Authorization header of a monitoring request (Basic with a Beacon user, or Bearer
 * with one of its API tokens). No credentials or wrong ones: 401 with a Basic challenge; a known
 * caller without an allowed role: 403; otherwise the caller is handed to Liberty as a member of
 * {@link #READER_GROUP}, which server.xml maps to the monitoring modules' reader role.
 */
class MonitoringAuthModule implements ServerAuthModule {
    /** The Liberty realm and group of Beacon's monitoring readers (server.xml, reader-role). */
    static final String REALM = "beacon";
    static final String READER_GROUP = "monitoring-readers";

    /** Checks an Authorization header sent from an address (the peer and its X-Forwarded-For). */
    @FunctionalInterface
    public interface Verifier {
        SignInResult check(String authorization, String remoteAddress, String forwardedFor);
    }

    private final Verifier verifier;
    private final Predicate<Actor> allowed;

    /**
     * @param verifier turns an Authorization header into the caller, if the credentials are right
     * @param allowed  whether that caller may read the monitoring endpoints
     */
    MonitoringAuthModule(Verifier verifier, Predicate<Actor> allowed) {
        this.verifier = verifier;
        this.allowed = allowed;
    }

    /**
     * For an open endpoint: every request goes on unauthenticated, whatever Authorization header it
     * carries (left to Liberty, a Basic header there ends in an ERROR and an FFDC file for want of a
     * user registry).
     */
    static ServerAuthModule open() {
        return new MonitoringAuthModule((header, peer, forwarded) -> null, actor -> false) {
            @Override
            public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) {
                return AuthStatus.SUCCESS;
            }
        };
    }

    @Override
    public void initialize(MessagePolicy requestPolicy, MessagePolicy responsePolicy, CallbackHandler handler,
            @SuppressWarnings("rawtypes") Map options) {
        // Liberty's callback handler is not needed: the caller is handed over as a credential hashtable.
    }

    @Override
    public Class<?>[] getSupportedMessageTypes() {
        return new Class<?>[] {HttpServletRequest.class, HttpServletResponse.class};
    }

    @Override
    public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) throws AuthException {
        HttpServletRequest request = (HttpServletRequest) message.getRequestMessage();
        HttpServletResponse response = (HttpServletResponse) message.getResponseMessage();
        String header = request.getHeader("Authorization");
        SignInResult result = header == null ? null
                : verifier.check(header.trim(), request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
        Optional<Actor> actor = result == null ? Optional.empty() : result.accepted();
        try {
            if (result != null && result.outcome() == SignInResult.Outcome.BACK_OFF) {
                response.setHeader("Retry-After", String.valueOf(result.retryAfterSeconds()));
                response.sendError(429);
                return AuthStatus.SEND_FAILURE;
            }
            if (actor.isEmpty()) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Beacon\", Bearer");
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                return AuthStatus.SEND_FAILURE;
            }
            if (!allowed.test(actor.get())) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return AuthStatus.SEND_FAILURE;
            }
        } catch (IOException e) {
            throw (AuthException) new AuthException("could not answer the monitoring request").initCause(e);
        }
        client.getPrivateCredentials().add(credentials(actor.get().username()));
        return AuthStatus.SUCCESS;
    }

    /** Liberty's asserted identity: with these keys it needs no user registry of its own. */
    private static Hashtable<String, Object> credentials(String username) {
        Hashtable<String, Object> credentials = new Hashtable<>();
        credentials.put("com.ibm.wsspi.security.cred.uniqueId", "user:" + REALM + "/" + username);
        credentials.put("com.ibm.wsspi.security.cred.securityName", username);
        credentials.put("com.ibm.wsspi.security.cred.realm", REALM);
        credentials.put("com.ibm.wsspi.security.cred.groups",
                new java.util.ArrayList<>(java.util.List.of("group:" + REALM + "/" + READER_GROUP)));
        return credentials;
    }

    @Override
    public AuthStatus secureResponse(MessageInfo message, Subject service) {
        return AuthStatus.SEND_SUCCESS;
    }

    @Override
    public void cleanSubject(MessageInfo message, Subject subject) {
        // nothing kept beyond the request
    }
}
