package io.beacon.identity.rest;

import io.beacon.identity.application.NewContact;
import io.beacon.identity.application.OrganisationService;
import io.beacon.identity.domain.User;
import io.beacon.identity.domain.Users;
import io.beacon.platform.domain.Page;
import io.beacon.platform.domain.PageRequest;
import io.beacon.platform.domain.Role;
import io.beacon.platform.rest.JsonBody;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;

/**
 * Requesters as the desk knows them ({@code /api/contacts}): looked up by name, e-mail or phone to
 * file a ticket for them, recorded on the spot when they are new, moved between organisations.
 */
@Path("contacts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
public class ContactResource {
    private static final Set<String> CREATE_FIELDS = Set.of("displayName", "email", "phone", "organisation");
    private static final Set<String> PATCH_FIELDS = Set.of("phone", "organisation");

    @Inject
    OrganisationService service;

    @Inject
    Users users;

    @GET
    @Transactional
    public Page<ContactView> search(@QueryParam("q") String q, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        if (q != null && q.length() > 200) {
            throw new io.beacon.platform.domain.InvalidInputException("q", "must be at most 200 characters");
        }
        return users.list(q == null || q.isBlank() ? null : q.strip(), Role.REQUESTER, PageRequest.of(page, size))
                .map(ContactView::of);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response create(JsonObject json, @Context UriInfo uri) {
        JsonBody body = JsonBody.of(json, CREATE_FIELDS);
        NewContact in = new NewContact(body.string("displayName"), body.string("email"), body.string("phone"),
                body.string("organisation"));
        body.validate();
        User u = service.createContact(in);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(u.getId())).build())
                .entity(ContactView.of(u)).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Transactional
    public ContactView change(@PathParam("id") String id, JsonObject json) {
        JsonBody body = JsonBody.of(json, PATCH_FIELDS);
        var organisation = body.has("organisation") ? body.clearable("organisation") : null;
        var phone = body.has("phone") ? body.clearable("phone") : null;
        body.validate();
        return ContactView.of(service.changeContact(id, organisation, phone));
    }
}
