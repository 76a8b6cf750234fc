package io.beacon.ticket.rest;

import io.beacon.platform.domain.Role;
import io.beacon.ticket.domain.TicketSearch;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The ticket search index, for administrators: {@code GET /api/search/index} tells its size and
 * whether a rebuild runs; {@code POST /api/search/index/rebuild} rebuilds it from the database in the
 * background (202; 409 when one is already running). Searching itself is {@code GET /api/tickets?q=}.
 */
@Path("search/index")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class TicketSearchResource {
    @Inject
    TicketSearch search;

    @GET
    @Transactional
    public TicketSearch.Status status() {
        return search.status();
    }

    @POST
    @Path("rebuild")
    public Response rebuild() {
        if (!search.rebuild()) {
            throw new io.beacon.platform.domain.ConflictException("a rebuild of the search index is already running");
        }
        return Response.accepted(java.util.Map.of("rebuilding", true)).build();
    }
}
