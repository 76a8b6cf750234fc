package io.beacon.identity.rest;

import io.beacon.identity.application.SignInResult;
import io.beacon.identity.application.SignInRevocations;
import io.beacon.identity.application.SignIns;
import io.beacon.identity.application.UserChanges;
import io.beacon.identity.application.UserService;
import io.beacon.identity.domain.User;
import io.beacon.identity.security.ClientAddress;
import io.beacon.identity.security.ConsoleSession;
import io.beacon.identity.security.rest.SignInRefusals;
import io.beacon.platform.domain.FieldError;
import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.Role;
import io.beacon.platform.rest.Problem;
import io.beacon.platform.security.CallerIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/** The caller's own profile: who am I, my groups, my language and time zone. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.REQUESTER_NAME, Role.AGENT_NAME, Role.APPROVER_NAME, Role.ADMIN_NAME, Role.INTEGRATION_NAME})
public class MeResource {
    @Inject
    CallerIdentity caller;

    @Inject
    UserService service;

    @Inject
    SignIns signIns;

    @Inject
    SignInRevocations revocations;

    @Inject
    ClientAddress clientAddress;

    @Context
    HttpServletRequest request;

    public record Me(UserView user, List<String> groups) {}

    public record Preferences(String displayName, String locale, String timeZone, String password,
            String currentPassword) {}

    @GET
    @Transactional
    public Me get() {
        User user = service.byIdOrUsername(caller.caller().username());
        return new Me(UserView.of(user), service.groupsOf(user).stream().map(g -> g.getName()).toList());
    }

    /**
     * Users change their own display name, language, time zone and password; never their roles. A
     * new password needs the current one (a borrowed session must not take the account over), and
     * ends the user's other sessions and streams.
     */
    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Transactional
    public Response update(Preferences body) {
        if (body == null) {
            throw new InvalidInputException("body", "a JSON object is required");
        }
        String username = caller.caller().username();
        if (body.password() != null) {
            Optional<Response> refusal = currentPasswordRefusal(signIns, clientAddress, username,
                    body.currentPassword(), request);
            if (refusal.isPresent()) {
                return refusal.get();
            }
        }
        service.update(username,
                new UserChanges(body.displayName(), null, body.locale(), body.timeZone(), null, null, body.password()));
        if (body.password() != null) {
            ConsoleSession.renew(request, revocations);
        }
        return Response.ok(get()).build();
    }

    /** Why the current password does not allow a password change, if it does not; throttled like a sign-in. */
    static Optional<Response> currentPasswordRefusal(SignIns signIns, ClientAddress clientAddress,
            String username, String currentPassword, HttpServletRequest request) {
        if (currentPassword == null || currentPassword.isEmpty()) {
            return Optional.of(Problem.of(400, "Bad Request", "current-password-required",
                    "changing the password needs the current password",
                    List.of(new FieldError("currentPassword", "is required to change the password")))
                    .at(request.getRequestURI()).toResponse());
        }
        SignInResult result = signIns.withPassword(username, currentPassword, clientAddress.of(request));
        if (result.throttled()) {
            return Optional.of(SignInRefusals.of(result, request.getRequestURI()));
        }
        if (result.accepted().isEmpty()) {
            return Optional.of(Problem.of(Response.Status.FORBIDDEN, "wrong-current-password",
                    "the current password is wrong").at(request.getRequestURI()).toResponse());
        }
        return Optional.empty();
    }
}
