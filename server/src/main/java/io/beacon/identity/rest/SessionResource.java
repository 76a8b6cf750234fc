package io.beacon.identity.rest;

import io.beacon.identity.application.SignInResult;
import io.beacon.identity.application.SignInRevocations;
import io.beacon.identity.application.SignIns;
import io.beacon.identity.security.ClientAddress;
import io.beacon.identity.security.ConsoleSession;
import io.beacon.identity.security.rest.SignInRefusals;
import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.Role;
import io.beacon.platform.rest.Problem;
import io.beacon.platform.security.CallerIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;

/** Console sign-in and sign-out: a session cookie instead of credentials on every call. */
@Path("session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {
    @Inject
    SignIns signIns;

    @Inject
    SignInRevocations revocations;

    @Inject
    ClientAddress clientAddress;

    @Inject
    CallerIdentity caller;

    @Context
    HttpServletRequest request;

    public record Credentials(String username, String password) {}

    @POST
    @PermitAll
    public Response signIn(Credentials body) {
        if (body == null || body.username() == null || body.password() == null) {
            throw new InvalidInputException("username", "user name and password are required");
        }
        SignInResult result = signIns.withPassword(body.username(), body.password(), clientAddress.of(request));
        if (result.throttled()) {
            return SignInRefusals.of(result, "/api/session");
        }
        Optional<Actor> actor = result.accepted();
        if (actor.isEmpty()) {
            return Problem.of(Response.Status.UNAUTHORIZED, "unauthorized", "the user name or password is wrong")
                    .at("/api/session").toResponse();
        }
        ConsoleSession.signIn(request, actor.get(), revocations);
        return Response.ok(Map.of("username", actor.get().username(),
                "roles", actor.get().roles().stream().map(Role::code).sorted().toList())).build();
    }

    /**
     * Whether the caller is signed in, always with 200: the console asks this first, so that a
     * visitor's browser logs no failed request before the sign-in page.
     */
    @GET
    @PermitAll
    public Map<String, Object> current() {
        return caller.actor().<Map<String, Object>>map(a -> Map.of("signedIn", true, "username", a.username(),
                "roles", a.roles().stream().map(Role::code).sorted().toList())).orElse(Map.of("signedIn", false));
    }

    @DELETE
    @PermitAll
    public Response signOut() {
        ConsoleSession.signOut(request);
        return Response.noContent().build();
    }
}
