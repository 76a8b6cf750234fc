package io.beacon.correlation.rest;

import io.beacon.correlation.application.MaintenanceWindowService;
import io.beacon.correlation.application.NewMaintenanceWindow;
import io.beacon.correlation.domain.MaintenanceWindow;
import io.beacon.platform.domain.Role;
import io.beacon.platform.rest.JsonBody;
import io.beacon.platform.security.CallerIdentity;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Maintenance windows: {@code /api/maintenance-windows}. Alarms inside one are kept and shown but page nobody. */
@Path("maintenance-windows")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MaintenanceWindowResource {
    private static final Set<String> FIELDS = Set.of("ciIds", "start", "end", "reason", "recurrence", "timeZone");

    @Inject
    MaintenanceWindowService service;

    @Inject
    CallerIdentity caller;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    @Transactional
    public Response plan(JsonObject json, @Context UriInfo uri) {
        JsonBody body = JsonBody.of(json, FIELDS);
        List<Long> ciIds = body.numbers("ciIds");
        Instant start = instant(body, "start");
        Instant end = instant(body, "end");
        NewMaintenanceWindow in = new NewMaintenanceWindow(ciIds, start, end, body.string("reason"),
                body.string("recurrence"), body.string("timeZone"));
        body.validate();
        MaintenanceWindow w = service.plan(caller.caller(), in);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(w.getId())).build())
                .entity(MaintenanceWindowView.of(w, clock.instant())).build();
    }

    @GET
    @RolesAllowed({Role.AGENT_NAME, Role.APPROVER_NAME, Role.ADMIN_NAME, Role.INTEGRATION_NAME})
    @Transactional
    public Map<String, Object> list(@QueryParam("ciId") Long ciId, @QueryParam("active") Boolean active) {
        Instant now = clock.instant();
        List<MaintenanceWindowView> items = service.list(ciId).stream().map(w -> MaintenanceWindowView.of(w, now))
                .filter(v -> active == null || v.activeNow() == active).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("total", items.size());
        return out;
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.AGENT_NAME, Role.APPROVER_NAME, Role.ADMIN_NAME, Role.INTEGRATION_NAME})
    @Transactional
    public MaintenanceWindowView get(@PathParam("id") long id) {
        return MaintenanceWindowView.of(service.get(id), clock.instant());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    @Transactional
    public Response remove(@PathParam("id") long id) {
        service.remove(id);
        return Response.noContent().build();
    }

    /** An ISO-8601 instant, with {@code Z} or an offset ({@code 2026-12-05T02:00:00+09:00}). */
    private static Instant instant(JsonBody body, String field) {
        String text = body.string(field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new io.beacon.platform.domain.InvalidInputException(field,
                    "'" + text + "' is not an ISO-8601 date-time with offset (for example 2026-12-05T02:00:00+09:00)");
        }
    }
}
