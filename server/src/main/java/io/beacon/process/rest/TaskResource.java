package io.beacon.process.rest;

import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.Role;
import io.beacon.platform.rest.JsonBody;
import io.beacon.platform.security.CallerIdentity;
import io.beacon.process.application.OpenTask;
import io.beacon.process.application.TaskInbox;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The caller's process tasks (approvals, implementation steps): {@code /api/tasks}. */
@Path("tasks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.AGENT_NAME, Role.APPROVER_NAME, Role.ADMIN_NAME, Role.REQUESTER_NAME})
public class TaskResource {
    private static final Set<String> COMPLETE_FIELDS = Set.of("approved", "decision", "comment");

    @Inject
    TaskInbox inbox;

    @Inject
    CallerIdentity caller;

    @GET
    @Transactional
    public Map<String, Object> list() {
        List<OpenTask> tasks = inbox.openTasks(caller.caller());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", tasks);
        out.put("total", tasks.size());
        out.put("page", 0);
        out.put("size", tasks.size());
        return out;
    }

    @GET
    @Path("{id}")
    @Transactional
    public OpenTask get(@PathParam("id") String id) {
        return inbox.task(caller.caller(), id);
    }

    @POST
    @Path("{id}/claim")
    @Transactional
    public OpenTask claim(@PathParam("id") String id) {
        return inbox.claim(caller.caller(), id);
    }

    /** {@code {"approved": true|false, "comment": ".."}}, or {@code {"decision": "approve"|"reject", ..}}. */
    @POST
    @Path("{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Map<String, Object> complete(@PathParam("id") String id, JsonObject json) {
        JsonBody body = JsonBody.of(json == null ? JsonObject.EMPTY_JSON_OBJECT : json, COMPLETE_FIELDS);
        Boolean approved = body.bool("approved");
        String decision = body.string("decision");
        String comment = body.string("comment");
        body.validate();
        if (decision != null) {
            Boolean fromDecision = switch (decision.strip().toLowerCase(Locale.ROOT)) {
                case "approve", "approved" -> true;
                case "reject", "rejected" -> false;
                default -> throw new InvalidInputException("decision", "must be approve or reject");
            };
            if (approved != null && !approved.equals(fromDecision)) {
                throw new InvalidInputException("decision", "contradicts approved");
            }
            approved = fromDecision;
        }
        inbox.complete(caller.caller(), id, approved, comment);
        return Map.of("id", id, "completed", true);
    }
}
