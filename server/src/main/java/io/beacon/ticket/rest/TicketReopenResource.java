package io.beacon.ticket.rest;

import io.beacon.platform.domain.Role;
import io.beacon.platform.rest.JsonBody;
import io.beacon.platform.security.CallerIdentity;
import io.beacon.ticket.application.TicketQueries;
import io.beacon.ticket.application.TicketService;
import io.beacon.ticket.domain.Ticket;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;

/**
 * The requester takes a resolution back: {@code POST /api/tickets/{id}/reopen} with an optional
 * {@code comment} saying why, while the ticket is resolved and its reopen window ({@code reopenUntil}
 * on the ticket) is open.
 */
@Path("tickets/{id}/reopen")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TicketReopenResource {
    private static final Set<String> FIELDS = Set.of("comment");

    @Inject
    TicketService service;

    @Inject
    TicketQueries queries;

    @Inject
    CallerIdentity caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.REQUESTER_NAME, Role.AGENT_NAME, Role.ADMIN_NAME})
    @Transactional
    public Response reopen(@PathParam("id") String id, JsonObject json) {
        JsonBody body = JsonBody.of(json == null ? jakarta.json.JsonValue.EMPTY_JSON_OBJECT : json, FIELDS);
        String comment = body.string("comment");
        body.validate();
        Ticket ticket = service.reopen(caller.caller(), id, comment);
        var details = queries.details(caller.caller(), ticket.getKey());
        return Response.ok(Map.of("key", ticket.getKey(), "status", details.ticket().getStatus().code(),
                "version", details.ticket().getVersion())).build();
    }
}
