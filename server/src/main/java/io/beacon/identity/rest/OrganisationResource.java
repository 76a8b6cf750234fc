package io.beacon.identity.rest;

import io.beacon.identity.application.OrganisationService;
import io.beacon.identity.domain.Organisation;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Organisations ({@code /api/organisations}): agents and admins list, create and rename them; an
 * organisation's page lists its people (its tickets: {@code /api/tickets?organisation=<id>}).
 */
@Path("organisations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
public class OrganisationResource {
    private static final Set<String> FIELDS = Set.of("name");

    @Inject
    OrganisationService service;

    public record OrganisationView(long id, String name, long people, Instant createdAt, long version) {}

    public record OrganisationPage(long id, String name, Instant createdAt, long version, List<ContactView> people) {}

    @GET
    @Transactional
    public Map<String, Object> list(@QueryParam("q") String q) {
        if (q != null && q.length() > 200) {
            throw new io.beacon.platform.domain.InvalidInputException("q", "must be at most 200 characters");
        }
        Map<Long, Long> counts = service.memberCounts();
        List<OrganisationView> items = service.list(q).stream().map(o -> view(o, counts.getOrDefault(o.getId(), 0L)))
                .toList();
        return Map.of("items", items, "total", items.size());
    }

    @GET
    @Path("{id}")
    @Transactional
    public OrganisationPage get(@PathParam("id") String id) {
        Organisation o = service.organisation(id);
        return new OrganisationPage(o.getId(), o.getName(), o.getCreatedAt(), o.getVersion(),
                service.members(o).stream().map(ContactView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response create(JsonObject json, @Context UriInfo uri) {
        JsonBody body = JsonBody.of(json, FIELDS);
        String name = body.string("name");
        body.validate();
        Organisation o = service.create(name);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(o.getId())).build())
                .entity(view(o, 0)).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Transactional
    public OrganisationView rename(@PathParam("id") String id, JsonObject json) {
        JsonBody body = JsonBody.of(json, FIELDS);
        String name = body.string("name");
        body.validate();
        Organisation o = service.rename(id, name);
        return view(o, service.members(o).size());
    }

    private static OrganisationView view(Organisation o, long people) {
        return new OrganisationView(o.getId(), o.getName(), people, o.getCreatedAt(), o.getVersion());
    }
}
