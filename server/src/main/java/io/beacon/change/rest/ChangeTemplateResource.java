package io.beacon.change.rest;

import io.beacon.change.application.ChangeTemplateService;
import io.beacon.change.application.NewChangeTemplate;
import io.beacon.change.domain.ChangeTemplate;
import io.beacon.platform.domain.Role;
import io.beacon.platform.rest.JsonBody;
import io.beacon.platform.security.CallerIdentity;
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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The standard-change catalogue: {@code /api/change-templates}. Agents read it and raise standard changes
 * from it ({@code POST /api/changes} with {@code templateId}); admins keep it.
 */
@Path("change-templates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ChangeTemplateResource {
    private static final Set<String> FIELDS = Set.of("name", "description", "risk", "ciIds", "implementationPlan",
            "backoutPlan", "testPlan");

    @Inject
    ChangeTemplateService service;

    @Inject
    CallerIdentity caller;

    public record TemplateView(long id, String name, String description, String risk, List<Long> ciIds,
            String implementationPlan, String backoutPlan, String testPlan, String createdBy, Instant updatedAt,
            long version) {
        static TemplateView of(ChangeTemplate t) {
            return new TemplateView(t.getId(), t.getName(), t.getDescription(), t.getRisk().code(),
                    t.getCiIds().stream().sorted().toList(), t.getImplementationPlan(), t.getBackoutPlan(),
                    t.getTestPlan(), t.getCreatedBy(), t.getUpdatedAt(), t.getVersion());
        }
    }

    @GET
    @RolesAllowed({Role.AGENT_NAME, Role.APPROVER_NAME, Role.ADMIN_NAME})
    @Transactional
    public Map<String, Object> list() {
        List<TemplateView> items = service.list().stream().map(TemplateView::of).toList();
        return Map.of("items", items, "total", items.size());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.AGENT_NAME, Role.APPROVER_NAME, Role.ADMIN_NAME})
    @Transactional
    public TemplateView get(@PathParam("id") long id) {
        return TemplateView.of(service.get(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public Response create(JsonObject json, @Context UriInfo uri) {
        ChangeTemplate t = service.create(caller.caller(), read(json));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(t.getId())).build())
                .entity(TemplateView.of(t)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public TemplateView update(@PathParam("id") long id, JsonObject json) {
        return TemplateView.of(service.update(caller.caller(), id, read(json)));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public Response remove(@PathParam("id") long id) {
        service.remove(caller.caller(), id);
        return Response.noContent().build();
    }

    private static NewChangeTemplate read(JsonObject json) {
        JsonBody body = JsonBody.of(json, FIELDS);
        NewChangeTemplate in = new NewChangeTemplate(body.string("name"), body.string("description"),
                body.string("risk"), body.numbers("ciIds"), body.string("implementationPlan"),
                body.string("backoutPlan"), body.string("testPlan"));
        body.validate();
        return in;
    }
}
