package io.beacon.platform.rest;

import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.Role;
import io.beacon.platform.security.CallerIdentity;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Checks every API call against the role annotations of its resource method (or class). A method
 * without any is refused: forgetting the annotation fails closed, and an ArchUnit rule keeps them there.
 * Unsafe calls made with the console's session cookie must carry {@code X-Requested-With}, which a
 * cross-site form cannot send.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AuthorizationFilter implements ContainerRequestFilter {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Context
    ResourceInfo resourceInfo;

    @Inject
    CallerIdentity callerIdentity;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        if (method == null) {
            return; // no matching resource: JAX-RS answers 404/405 itself
        }
        Optional<String> failure = callerIdentity.failure();
        if (failure.isPresent()) {
            request.abortWith(unauthorized(request, failure.get()));
            return;
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        if (allowed == null && !method.isAnnotationPresent(DenyAll.class)) {
            allowed = resourceInfo.getResourceClass().getAnnotation(RolesAllowed.class);
            if (allowed == null && resourceInfo.getResourceClass().isAnnotationPresent(PermitAll.class)) {
                return;
            }
        }
        Optional<Actor> actor = callerIdentity.actor();
        if (actor.isEmpty()) {
            request.abortWith(unauthorized(request, "sign in, or send HTTP Basic credentials or a bearer token"));
            return;
        }
        if (allowed == null || Arrays.stream(allowed.value()).noneMatch(r -> actor.get().has(Role.fromCode("role", r)))) {
            request.abortWith(Problem.of(Response.Status.FORBIDDEN, "forbidden",
                    "your roles " + actor.get().roles().stream().map(Role::code).sorted().toList()
                    + " do not allow this").at(request.getUriInfo().getRequestUri().getPath()).toResponse());
            return;
        }
        if (callerIdentity.viaSession() && !SAFE_METHODS.contains(request.getMethod())
                && request.getHeaderString("X-Requested-With") == null) {
            request.abortWith(Problem.of(Response.Status.FORBIDDEN, "csrf",
                    "requests made with the console session must carry the X-Requested-With header").toResponse());
        }
    }

    private static Response unauthorized(ContainerRequestContext request, String detail) {
        Response.ResponseBuilder builder = Response.status(Response.Status.UNAUTHORIZED).type(Problem.MEDIA)
                .entity(Problem.of(Response.Status.UNAUTHORIZED, "unauthorized", detail)
                        .at(request.getUriInfo().getRequestUri().getPath()));
        if (request.getHeaderString("X-Requested-With") == null) {
            builder.header("WWW-Authenticate", "Basic realm=\"Beacon\", charset=\"UTF-8\"");
        }
        return builder.build();
    }
}
