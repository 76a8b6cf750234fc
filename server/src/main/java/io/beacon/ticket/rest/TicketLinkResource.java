package io.beacon.ticket.rest;

import io.beacon.platform.domain.Role;
import io.beacon.platform.rest.JsonBody;
import io.beacon.platform.security.CallerIdentity;
import io.beacon.ticket.application.TicketLinkService;
import io.beacon.ticket.application.TicketQueries;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A ticket's links to other tickets, both ways: {@code /api/tickets/{id}/links}. (Each sub-path of a
 * ticket is a root resource of its own, as {@link TicketAttachmentResource}: a resource at
 * {@code tickets/{id}} would shadow {@link TicketResource}'s sub-paths.)
 */
@Path("tickets/{id}/links")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TicketLinkResource {
    private static final Set<String> LINK_FIELDS = Set.of("kind", "ticket");

    @Inject
    TicketLinkService links;

    @Inject
    TicketQueries queries;

    @Inject
    CallerIdentity caller;

    public record LinkedTicket(String key, String title, String status) {
        static LinkedTicket of(Ticket t) {
            return new LinkedTicket(t.getKey(), t.getTitle(), t.getStatus().code());
        }
    }

    public record LinkView(long id, String kind, LinkedTicket ticket, String createdBy, Instant createdAt) {
        static LinkView of(TicketLinkService.LinkSeen l) {
            return new LinkView(l.link().getId(), l.kind(), LinkedTicket.of(l.other()), l.link().getCreatedBy(),
                    l.link().getCreatedAt());
        }
    }

    @GET
    @RolesAllowed({Role.REQUESTER_NAME, Role.AGENT_NAME, Role.ADMIN_NAME, Role.APPROVER_NAME})
    @Transactional
    public Map<String, Object> list(@PathParam("id") String id) {
        Ticket t = queries.details(caller.caller(), id).ticket();
        List<LinkView> items = links.of(caller.caller(), id).stream().map(LinkView::of).toList();
        Map<String, Object> out = new HashMap<>();
        out.put("items", items);
        out.put("total", items.size());
        out.put("mergedInto", t.getMergedIntoId() == null ? null
                : items.stream().filter(l -> "duplicate_of".equals(l.kind())).map(l -> l.ticket().key()).findFirst().orElse(null));
        return out;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    @Transactional
    public Response link(@PathParam("id") String id, JsonObject json) {
        JsonBody body = JsonBody.of(json, LINK_FIELDS);
        String kind = body.string("kind");
        String other = body.string("ticket");
        body.validate();
        return Response.status(Response.Status.CREATED).entity(LinkView.of(links.link(caller.caller(), id, kind, other))).build();
    }

    @DELETE
    @Path("{linkId}")
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    @Transactional
    public Response unlink(@PathParam("id") String id, @PathParam("linkId") long linkId) {
        links.unlink(caller.caller(), id, linkId);
        return Response.noContent().build();
    }
}
