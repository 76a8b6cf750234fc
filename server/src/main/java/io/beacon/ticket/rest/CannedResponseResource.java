package io.beacon.ticket.rest;

import io.beacon.platform.domain.Role;
import io.beacon.platform.rest.JsonBody;
import io.beacon.platform.security.CallerIdentity;
import io.beacon.ticket.application.CannedResponseService;
import io.beacon.ticket.domain.CannedResponse;
import io.beacon.ticket.domain.CannedText;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/canned-responses}: the desk's named replies. Agents read them; administrators create,
 * change and delete them. A ticket's own list, filled in for it, is {@code /api/tickets/{id}/canned-responses}.
 */
@Path("canned-responses")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CannedResponseResource {
    private static final Set<String> FIELDS = Set.of("name", "group", "bodyKo", "bodyEn", "setStatus", "setGroup");

    @Inject
    CannedResponseService service;

    @Inject
    CallerIdentity caller;

    public record CannedView(long id, String name, String group, String bodyKo, String bodyEn, String setStatus,
            String setGroup, String updatedBy, Instant updatedAt, long version) {
        static CannedView of(CannedResponse r) {
            return new CannedView(r.getId(), r.getName(), r.getGroup() == null ? null : r.getGroup().getName(),
                    r.getBodyKo(), r.getBodyEn(), r.getSetStatus() == null ? null : r.getSetStatus().code(),
                    r.getSetGroup() == null ? null : r.getSetGroup().getName(), r.getUpdatedBy(), r.getUpdatedAt(),
                    r.getVersion());
        }
    }

    @GET
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    @Transactional
    public Map<String, Object> list() {
        var items = service.all(caller.caller()).stream().map(CannedView::of).toList();
        return Map.of("items", items, "total", items.size(), "placeholders", CannedText.PLACEHOLDERS);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    @Transactional
    public CannedView get(@PathParam("id") long id) {
        return CannedView.of(service.get(caller.caller(), id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public Response create(JsonObject json, @Context UriInfo uri) {
        CannedResponse r = service.create(caller.caller(), input(json));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(r.getId())).build())
                .entity(CannedView.of(r)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public CannedView update(@PathParam("id") long id, JsonObject json) {
        return CannedView.of(service.update(caller.caller(), id, input(json)));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public Response delete(@PathParam("id") long id) {
        service.delete(caller.caller(), id);
        return Response.noContent().build();
    }

    private static CannedResponseService.Input input(JsonObject json) {
        JsonBody body = JsonBody.of(json, FIELDS);
        var in = new CannedResponseService.Input(body.string("name"), body.string("group"), body.string("bodyKo"),
                body.string("bodyEn"), body.string("setStatus"), body.string("setGroup"));
        body.validate();
        return in;
    }
}
