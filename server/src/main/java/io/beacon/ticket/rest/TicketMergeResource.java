package io.beacon.ticket.rest;

import io.beacon.platform.domain.Role;
import io.beacon.platform.rest.JsonBody;
import io.beacon.platform.security.CallerIdentity;
import io.beacon.ticket.application.TicketLinkService;
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
import java.util.Map;
import java.util.Set;

/** {@code POST /api/tickets/{id}/merge {"into": "INC-1"}}: merges this ticket, a duplicate, into its survivor. */
@Path("tickets/{id}/merge")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TicketMergeResource {
    private static final Set<String> FIELDS = Set.of("into");

    @Inject
    TicketLinkService links;

    @Inject
    CallerIdentity caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    @Transactional
    public Map<String, Object> merge(@PathParam("id") String id, JsonObject json) {
        JsonBody body = JsonBody.of(json, FIELDS);
        String into = body.string("into");
        body.validate();
        Ticket survivor = links.merge(caller.caller(), id, into);
        return Map.of("survivor", survivor.getKey(), "duplicate", id.strip().toUpperCase(java.util.Locale.ROOT));
    }
}
