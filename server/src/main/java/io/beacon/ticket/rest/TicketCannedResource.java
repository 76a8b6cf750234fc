package io.beacon.ticket.rest;

import io.beacon.platform.domain.Role;
import io.beacon.platform.security.CallerIdentity;
import io.beacon.ticket.application.CannedResponseService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * {@code GET /api/tickets/{id}/canned-responses}: the canned responses offered on a ticket to the calling
 * agent, filled in for it: {@code text} in the requester's language ({@code locale}), and both texts.
 */
@Path("tickets/{id}/canned-responses")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TicketCannedResource {
    @Inject
    CannedResponseService canned;

    @Inject
    CallerIdentity caller;

    public record RenderedView(long id, String name, String group, String locale, String text, String textKo,
            String textEn, String setStatus, String setGroup) {}

    @GET
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    @Transactional
    public Map<String, Object> offered(@PathParam("id") String id) {
        var items = canned.offered(caller.caller(), id).stream().map(r -> new RenderedView(r.response().getId(),
                r.response().getName(), r.response().getGroup() == null ? null : r.response().getGroup().getName(),
                r.locale(), r.text(), r.textKo(), r.textEn(),
                r.response().getSetStatus() == null ? null : r.response().getSetStatus().code(),
                r.response().getSetGroup() == null ? null : r.response().getSetGroup().getName())).toList();
        return Map.of("items", items, "total", items.size());
    }
}
