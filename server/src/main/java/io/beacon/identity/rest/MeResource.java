package io.beacon.identity.rest;

import io.beacon.identity.application.UserChanges;
import io.beacon.identity.application.UserService;
import io.beacon.identity.domain.Role;
import io.beacon.identity.domain.User;
import io.beacon.platform.security.CallerIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

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

    public record Me(UserView user, List<String> groups) {}

    public record Preferences(String displayName, String locale, String timeZone, String password) {}

    @GET
    @Transactional
    public Me get() {
        User user = service.byIdOrUsername(caller.caller().username());
        return new Me(UserView.of(user), service.groupsOf(user).stream().map(g -> g.getName()).toList());
    }

    /** Users change their own display name, language, time zone and password; never their roles. */
    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Transactional
    public Me update(Preferences body) {
        service.update(caller.caller().username(),
                new UserChanges(body.displayName(), null, body.locale(), body.timeZone(), null, null, body.password()));
        return get();
    }
}
