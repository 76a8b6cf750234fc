package io.beacon.ticket.rest;

import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.Role;
import io.beacon.platform.rest.JsonBody;
import io.beacon.platform.rest.Problem;
import io.beacon.platform.rest.ProblemMapper;
import io.beacon.platform.security.CallerIdentity;
import io.beacon.ticket.application.TicketChanges;
import io.beacon.ticket.application.TicketService;
import io.beacon.ticket.domain.Ticket;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One change to many tickets: {@code POST /api/tickets/bulk} with {@code tickets} (keys or ids) and the
 * fields of a ticket change ({@code assignee} ({@code "me"} for the caller), {@code group},
 * {@code status}, {@code priority}, {@code resolution}). Each ticket is changed on its own, in its own
 * transaction, by the same rules as {@code PATCH /api/tickets/{id}}; the answer says per ticket what
 * was done or why it was refused (the problem a single change would have got), never all or nothing.
 */
@Path("tickets/bulk")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TicketBulkResource {
    static final int MAX_TICKETS = 500;
    private static final Set<String> FIELDS = Set.of("tickets", "assignee", "group", "status", "priority", "resolution");

    @Inject
    TicketService service;

    @Inject
    CallerIdentity caller;

    /** {@code ok}: changed; else {@code problem} says why not. */
    public record Outcome(String ticket, boolean ok, String key, Long version, Problem problem) {}

    /** No transaction here: each ticket's change commits or fails alone. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    public Map<String, Object> apply(JsonObject json) {
        JsonBody body = JsonBody.of(json, FIELDS);
        List<String> ids = tickets(json);
        Actor actor = caller.caller();
        Optional<String> assignee = body.clearable("assignee"); // null: absent, empty: unassign
        if (assignee != null) {
            assignee = assignee.map(a -> "me".equalsIgnoreCase(a.strip()) ? actor.username() : a);
        }
        TicketChanges changes = new TicketChanges(null, null, body.string("status"), body.string("resolution"),
                body.clearable("priority"), null, null, body.clearable("group"), assignee,
                null, null, null);
        body.validate();
        if (changes.status() == null && changes.resolution() == null && changes.priority() == null
                && changes.group() == null && changes.assignee() == null) {
            throw new InvalidInputException("body", "say what to change: assignee, group, status, priority or resolution");
        }
        ProblemMapper problems = new ProblemMapper();
        List<Outcome> outcomes = new ArrayList<>(ids.size());
        int succeeded = 0;
        for (String id : ids) {
            try {
                Ticket t = service.change(actor, id, changes);
                outcomes.add(new Outcome(id, true, t.getKey(), t.getVersion(), null));
                succeeded++;
            } catch (RuntimeException e) {
                outcomes.add(new Outcome(id, false, null, null, problems.problemFor(e)));
            }
        }
        return Map.of("results", outcomes, "succeeded", succeeded, "refused", ids.size() - succeeded);
    }

    private static List<String> tickets(JsonObject json) {
        JsonValue v = json.get("tickets");
        if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY || v.asJsonArray().isEmpty()) {
            throw new InvalidInputException("tickets", "must be a non-empty array of ticket keys or ids");
        }
        Set<String> out = new LinkedHashSet<>();
        for (JsonValue item : v.asJsonArray()) {
            String s = item.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) item).getString().strip()
                    : item.getValueType() == JsonValue.ValueType.NUMBER ? item.toString() : "";
            if (s.isEmpty() || s.length() > 40) {
                throw new InvalidInputException("tickets", "must hold ticket keys (INC-1) or ids only");
            }
            out.add(s);
        }
        if (out.size() > MAX_TICKETS) {
            throw new InvalidInputException("tickets", "at most " + MAX_TICKETS + " tickets at once");
        }
        return List.copyOf(out);
    }
}
