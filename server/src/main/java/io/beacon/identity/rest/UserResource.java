package io.beacon.identity.rest;

import io.beacon.identity.application.ApiTokens;
import io.beacon.identity.application.NewUser;
import io.beacon.identity.application.SignInRevocations;
import io.beacon.identity.application.SignIns;
import io.beacon.identity.application.UserChanges;
import io.beacon.identity.application.UserService;
import io.beacon.identity.domain.User;
import io.beacon.identity.domain.Users;
import io.beacon.identity.security.ClientAddress;
import io.beacon.identity.security.ConsoleSession;
import io.beacon.platform.domain.Page;
import io.beacon.platform.domain.PageRequest;
import io.beacon.platform.domain.Role;
import io.beacon.platform.security.CallerIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Users: admins create and change them; agents may list them to assign tickets. */
@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {
    @Inject
    UserService service;

    @Inject
    Users users;

    @Inject
    ApiTokens tokens;

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

    public record UserCreate(String username, String password, String displayName, String email,
            List<String> roles, String locale, String timeZone) {}

    public record UserPatch(String displayName, String email, String locale, String timeZone, Boolean active,
            List<String> roles, String password, String currentPassword) {}

    public record TokenCreate(String name, Instant expiresAt) {}

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    public Response create(UserCreate body, @Context UriInfo uri) {
        if (body == null) {
            throw new io.beacon.platform.domain.InvalidInputException("body", "a JSON object is required");
        }
        User u = service.create(new NewUser(body.username(), body.password(), body.displayName(), body.email(),
                body.roles(), body.locale(), body.timeZone()));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(u.getId())).build())
                .entity(UserView.of(u)).build();
    }

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.AGENT_NAME, Role.APPROVER_NAME})
    @Transactional
    public Page<UserView> list(@QueryParam("q") String q, @QueryParam("role") String role,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Role r = role == null ? null : Role.fromCode("role", role);
        return users.list(q == null || q.isBlank() ? null : q, r, PageRequest.of(page, size)).map(UserView::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.ADMIN_NAME, Role.AGENT_NAME, Role.APPROVER_NAME})
    @Transactional
    public UserView get(@PathParam("id") String id) {
        return UserView.of(service.byIdOrUsername(id));
    }

    /**
     * An admin changes a user; setting another user's password needs no current password and ends
     * all of that user's sessions and streams, as does deactivating them. An admin's own password
     * needs the current one, as on {@code PATCH /api/me}.
     */
    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public Response update(@PathParam("id") String id, UserPatch body) {
        if (body == null) {
            throw new io.beacon.platform.domain.InvalidInputException("body", "a JSON object is required");
        }
        boolean own = service.byIdOrUsername(id).getUsername().equals(caller.caller().username());
        if (own && body.password() != null) {
            Optional<Response> refusal = MeResource.currentPasswordRefusal(signIns, clientAddress,
                    caller.caller().username(), body.currentPassword(), request);
            if (refusal.isPresent()) {
                return refusal.get();
            }
        }
        User user = service.update(id, new UserChanges(body.displayName(), body.email(), body.locale(),
                body.timeZone(), body.active(), body.roles(), body.password()));
        if (own && body.password() != null) {
            ConsoleSession.renew(request, revocations);
        }
        return Response.ok(UserView.of(user)).build();
    }

    /** Lifts a sign-in lock or back-off before its time (say, after the user called the desk). */
    @POST
    @Path("{id}/unlock")
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public Response unlock(@PathParam("id") String id) {
        signIns.unlock(service.byIdOrUsername(id).getUsername());
        return Response.noContent().build();
    }

    /** Issues a bearer token for a user (typically an integration user); the secret is shown only now. */
    @POST
    @Path("{id}/tokens")
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public Response issueToken(@PathParam("id") String id, TokenCreate body) {
        User user = service.byIdOrUsername(id);
        ApiTokens.Issued issued = tokens.issue(user, body == null ? null : body.name(),
                body == null ? null : body.expiresAt());
        return Response.status(Response.Status.CREATED).entity(Map.of(
                "id", issued.token().getId(), "name", issued.token().getName(), "user", user.getUsername(),
                "token", issued.secret())).build();
    }
}
