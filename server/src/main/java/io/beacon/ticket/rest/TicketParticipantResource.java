package io.beacon.ticket.rest;

import io.beacon.platform.domain.InvalidInputException;
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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The e-mail addresses the desk added to a ticket ({@code /api/tickets/{id}/participants}): their mail
 * on the ticket becomes a public comment, like the requester's; anyone else's becomes an internal note.
 * Only agents and admins change them.
 */
@Path("tickets/{id}/participants")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TicketParticipantResource {
    private static final Set<String> FIELDS = Set.of("email");

    @Inject
    TicketService service;

    @Inject
    TicketQueries queries;

    @Inject
    CallerIdentity caller;

    @GET
    @RolesAllowed({Role.REQUESTER_NAME, Role.AGENT_NAME, Role.ADMIN_NAME, Role.APPROVER_NAME})
    @Transactional
    public Map<String, Object> list(@PathParam("id") String id) {
        return view(queries.details(caller.caller(), id).ticket());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    @Transactional
    public Response add(@PathParam("id") String id, JsonObject json) {
        JsonBody body = JsonBody.of(json, FIELDS);
        String email = body.string("email");
        body.validate();
        if (email == null) {
            throw new InvalidInputException("email", "is required");
        }
        Ticket ticket = service.addParticipant(caller.caller(), id, email);
        return Response.status(Response.Status.CREATED).entity(view(ticket)).build();
    }

    @DELETE
    @Path("{email}")
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    @Transactional
    public Map<String, Object> remove(@PathParam("id") String id, @PathParam("email") String email) {
        return view(service.removeParticipant(caller.caller(), id, email));
    }

    private static Map<String, Object> view(Ticket ticket) {
        List<String> participants = ticket.getParticipants();
        return Map.of("items", participants, "total", participants.size());
    }
}
