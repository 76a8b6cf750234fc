package io.beacon.ticket.rest;

import io.beacon.platform.domain.Role;
import io.beacon.platform.rest.JsonBody;
import io.beacon.platform.security.CallerIdentity;
import io.beacon.ticket.application.TicketService;
import io.beacon.ticket.domain.TicketRating;
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
import java.util.Set;

/**
 * The requester rates a resolution: {@code POST /api/tickets/{id}/rating} with {@code score} (1 to 5)
 * and an optional {@code comment}; once per resolution (a second answer is 409). The ratings show on the
 * ticket ({@code ratings}) and in {@code /api/reports/satisfaction}.
 */
@Path("tickets/{id}/rating")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TicketRatingResource {
    private static final Set<String> FIELDS = Set.of("score", "comment");

    @Inject
    TicketService service;

    @Inject
    CallerIdentity caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.REQUESTER_NAME, Role.AGENT_NAME, Role.ADMIN_NAME})
    @Transactional
    public Response rate(@PathParam("id") String id, JsonObject json) {
        JsonBody body = JsonBody.of(json, FIELDS);
        Long score = body.number("score");
        String comment = body.string("comment");
        body.validate();
        TicketRating r = service.rate(caller.caller(), id,
                score == null || score > Integer.MAX_VALUE || score < Integer.MIN_VALUE ? null : score.intValue(), comment);
        return Response.status(Response.Status.CREATED).entity(TicketViews.RatingView.of(r)).build();
    }
}
