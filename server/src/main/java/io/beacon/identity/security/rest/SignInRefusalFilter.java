package io.beacon.identity.security.rest;

import io.beacon.identity.security.BeaconAuthenticationMechanism;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers API calls whose credentials the throttle did not let through (a back-off or a lock),
 * before the authorisation filter would call them merely unauthorised.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class SignInRefusalFilter implements ContainerRequestFilter {
    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        BeaconAuthenticationMechanism.throttled(request).ifPresent(refused ->
                context.abortWith(SignInRefusals.of(refused, context.getUriInfo().getRequestUri().getPath(),
                        context.getHeaderString("X-Requested-With") == null)));
    }
}
