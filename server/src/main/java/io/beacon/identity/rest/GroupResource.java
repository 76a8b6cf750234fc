package io.beacon.identity.rest;

import io.beacon.identity.application.UserService;
import io.beacon.identity.domain.UserGroup;
import io.beacon.platform.domain.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Assignment groups and their members. */
@Path("groups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GroupResource {
    @Inject
    UserService service;

    public record GroupCreate(String name, String description, String lead, List<String> members) {}

    public record MemberAdd(String username) {}

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.AGENT_NAME, Role.APPROVER_NAME})
    @Transactional
    public Map<String, Object> list() {
        List<GroupView> items = service.groups().stream().map(GroupView::of).toList();
        return Map.of("items", items, "total", items.size());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.ADMIN_NAME, Role.AGENT_NAME, Role.APPROVER_NAME})
    @Transactional
    public GroupView get(@PathParam("id") String id) {
        return GroupView.of(service.group(id));
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public Response create(GroupCreate body) {
        if (body == null) {
            throw new io.beacon.platform.domain.InvalidInputException("body", "a JSON object is required");
        }
        UserGroup g = service.createGroup(body.name(), body.description(), body.lead(), body.members());
        return Response.status(Response.Status.CREATED).entity(GroupView.of(g)).build();
    }

    @POST
    @Path("{id}/members")
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public GroupView addMember(@PathParam("id") String id, MemberAdd body) {
        return GroupView.of(service.addMember(id, body.username()));
    }
}
