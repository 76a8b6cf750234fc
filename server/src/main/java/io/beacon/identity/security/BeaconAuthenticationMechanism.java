package io.beacon.identity.security;

import io.beacon.identity.application.Authenticator;
import io.beacon.identity.application.SignInResult;
import io.beacon.identity.application.SignInRevocations;
import io.beacon.identity.application.SignIns;
import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.Role;
import io.beacon.platform.security.CallerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds out who is calling: HTTP Basic or a bearer token (scripts and monitors), or the console's
 * session. Wrong credentials are refused at once with a 401 problem; credentials the sign-in
 * throttle holds back get a 429 or a locked 401 (see {@code SignInRefusals}); no credentials at all
 * leave the caller anonymous, and the authorisation filter decides whether that is enough.
 */
@ApplicationScoped
public class BeaconAuthenticationMechanism implements HttpAuthenticationMechanism {
    private static final String THROTTLED = "beacon.authThrottled";

    @Inject
    Authenticator authenticator;

    @Inject
    SignIns signIns;

    @Inject
    SignInRevocations revocations;

    @Inject
    ClientAddress clientAddress;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return answer(request, context, signIns.withBasic(header.substring(6), clientAddress.of(request)),
                    "the user name or password is wrong");
        }
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return answer(request, context, signIns.withToken(header.substring(7).trim(), clientAddress.of(request)),
                    "the bearer token is unknown or expired");
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            Optional<Actor> actor = ConsoleSession.actor(session, authenticator, revocations);
            if (actor.isPresent()) {
                return login(request, context, actor.get(), true);
            }
        }
        return context.doNothing();
    }

    private static AuthenticationStatus answer(HttpServletRequest request, HttpMessageContext context,
            SignInResult result, String wrong) {
        if (result.accepted().isPresent()) {
            return login(request, context, result.accepted().get(), false);
        }
        if (result.throttled()) {
            request.setAttribute(THROTTLED, result);
            return refuse(request, "too many failed sign-ins");
        }
        return refuse(request, wrong);
    }

    private static AuthenticationStatus login(HttpServletRequest request, HttpMessageContext context, Actor actor,
            boolean viaSession) {
        CallerIdentity.authenticated(request, actor, viaSession);
        Set<String> groups = actor.roles().stream().map(Role::code).collect(Collectors.toSet());
        return context.notifyContainerAboutLogin(new CallerPrincipal(actor.username()), groups);
    }

    /** The throttle's refusal of the credentials that came with the request, if it refused them. */
    public static Optional<SignInResult> throttled(HttpServletRequest request) {
        return Optional.ofNullable((SignInResult) request.getAttribute(THROTTLED));
    }

    /**
     * Wrong credentials: the request goes on anonymous and carries the reason, so that the
     * authorisation filter answers 401 with it (Liberty does not stop unprotected requests on
     * SEND_FAILURE, and the API's URLs are protected by the filter, not by servlet constraints).
     */
    private static AuthenticationStatus refuse(HttpServletRequest request, String why) {
        CallerIdentity.refused(request, why);
        return AuthenticationStatus.NOT_DONE;
    }
}
