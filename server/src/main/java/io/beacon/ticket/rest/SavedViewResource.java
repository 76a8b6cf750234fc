package io.beacon.ticket.rest;

import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.Role;
import io.beacon.platform.rest.JsonBody;
import io.beacon.platform.security.CallerIdentity;
import io.beacon.ticket.application.SavedViewService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Saved queue views: {@code /api/saved-views}. A view is a name, the ticket list's query parameters
 * ({@code params}: {@code {"status": "open", "sort": "due"}}) and optionally the group it is shared with.
 */
@Path("saved-views")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME, Role.APPROVER_NAME, Role.REQUESTER_NAME})
public class SavedViewResource {
    private static final Set<String> FIELDS = Set.of("name", "group", "params");

    @Inject
    SavedViewService service;

    @Inject
    CallerIdentity caller;

    public record GroupRef(Long id, String name) {}

    public record ViewAnswer(long id, String name, String owner, GroupRef group, Map<String, String> params,
            boolean mine, Instant createdAt, Instant updatedAt, long version) {
        static ViewAnswer of(SavedViewService.Shown s) {
            var v = s.view();
            return new ViewAnswer(v.getId(), v.getName(), v.getOwner(),
                    v.getGroupId() == null ? null : new GroupRef(v.getGroupId(), s.groupName()), v.getParams(),
                    s.mine(), v.getCreatedAt(), v.getUpdatedAt(), v.getVersion());
        }
    }

    @GET
    public Map<String, Object> list() {
        List<ViewAnswer> items = service.visible(caller.caller()).stream().map(ViewAnswer::of).toList();
        return Map.of("items", items, "total", items.size());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonObject json, @Context UriInfo uri) {
        JsonBody body = JsonBody.of(json, FIELDS);
        String name = body.string("name");
        String group = body.string("group");
        Map<String, String> params = params(json);
        body.validate();
        var created = service.create(caller.caller(), new SavedViewService.Input(name, group, params));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.view().getId())).build())
                .entity(ViewAnswer.of(created)).build();
    }

    /** A merge-patch: absent fields stay; {@code "group": null} makes the view private again. */
    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public ViewAnswer change(@PathParam("id") long id, JsonObject json) {
        JsonBody body = JsonBody.of(json, FIELDS);
        String name = body.string("name");
        boolean clearGroup = body.has("group") && json.isNull("group");
        String group = body.string("group");
        Map<String, String> params = json.containsKey("params") ? params(json) : null;
        body.validate();
        return ViewAnswer.of(service.change(caller.caller(), id, new SavedViewService.Input(name, group, params),
                clearGroup));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        service.delete(caller.caller(), id);
        return Response.noContent().build();
    }

    /** {@code params}: an object of strings (numbers and booleans taken as their text). */
    private static Map<String, String> params(JsonObject json) {
        JsonValue v = json.get("params");
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return out;
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException("params", "must be an object of query parameters, e.g. {\"sort\": \"due\"}");
        }
        for (Map.Entry<String, JsonValue> e : v.asJsonObject().entrySet()) {
            JsonValue value = e.getValue();
            switch (value.getValueType()) {
                case STRING -> out.put(e.getKey(), ((JsonString) value).getString());
                case NUMBER, TRUE, FALSE -> out.put(e.getKey(), value.toString());
                case NULL -> { }
                default -> throw new InvalidInputException("params", "the value of '" + e.getKey() + "' must be a string");
            }
        }
        return out;
    }
}
