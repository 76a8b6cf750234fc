package io.beacon.event.alarm.rest;

import io.beacon.event.alarm.application.AlarmService;
import io.beacon.event.alarm.application.AlarmWriterBusyException;
import io.beacon.event.alarm.domain.Alarm;
import io.beacon.event.alarm.domain.AlarmFilter;
import io.beacon.event.alarm.domain.AlarmStatus;
import io.beacon.event.domain.EventSource;
import io.beacon.event.domain.Severity;
import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.PageRequest;
import io.beacon.platform.rest.Problem;
import io.beacon.platform.domain.Role;
import io.beacon.platform.security.CallerIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Alarms: {@code /api/alarms}, the list, one alarm with its latest events, counts, acknowledgement. */
@Path("alarms")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AlarmResource {
    @Inject
    AlarmService alarms;

    @Inject
    CallerIdentity caller;

    @GET
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME, Role.INTEGRATION_NAME})
    public Map<String, Object> list(@QueryParam("status") String status, @QueryParam("state") String state,
            @QueryParam("severity") String severity, @QueryParam("ciId") Long ciId, @QueryParam("source") String source,
            @QueryParam("incident") String incident, @QueryParam("q") String q, @QueryParam("sort") String sort,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        AlarmFilter filter = new AlarmFilter(
                codes(status != null ? status : state, "status", c -> AlarmStatus.fromCode("status", c)),
                codes(severity, "severity", c -> Severity.fromCode("severity", c)), ciId,
                codes(source, "source", EventSource::fromCode), q, incident == null || incident.isBlank() ? null : incident.trim());
        var listing = alarms.list(filter, sort, PageRequest.of(page, size));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", listing.items().stream().map(AlarmViews::summary).toList());
        out.put("total", listing.total());
        out.put("page", listing.page());
        out.put("size", listing.size());
        return out;
    }

    @GET
    @Path("counts")
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME, Role.INTEGRATION_NAME})
    public Map<String, Object> counts() {
        Map<Severity, Long> by = alarms.activeBySeverity();
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        for (Severity s : new Severity[] {Severity.CRITICAL, Severity.MAJOR, Severity.MINOR, Severity.WARNING,
                Severity.INDETERMINATE, Severity.NORMAL}) {
            bySeverity.put(s.code(), by.getOrDefault(s, 0L));
        }
        return Map.of("active", by.values().stream().mapToLong(Long::longValue).sum(), "bySeverity", bySeverity);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME, Role.INTEGRATION_NAME})
    public Map<String, Object> get(@PathParam("id") long id) {
        Alarm alarm = alarms.get(id);
        return AlarmViews.full(alarm, alarms.latestEvents(id));
    }

    @POST
    @Path("{id}/acknowledge")
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    public Map<String, Object> acknowledge(@PathParam("id") long id) {
        return AlarmViews.summary(busyAsProblem(() -> alarms.acknowledge(caller.caller(), id)));
    }

    /** The short spelling of the API. */
    @POST
    @Path("{id}/ack")
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    public Map<String, Object> ack(@PathParam("id") long id) {
        return acknowledge(id);
    }

    @POST
    @Path("{id}/unacknowledge")
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    public Map<String, Object> unacknowledge(@PathParam("id") long id) {
        return AlarmViews.summary(busyAsProblem(() -> alarms.unacknowledge(id)));
    }

    /** A writer too busy to carry out the change in time is a 503 the client may retry, not a 500. */
    private static Alarm busyAsProblem(Supplier<Alarm> change) {
        try {
            return change.get();
        } catch (AlarmWriterBusyException e) {
            throw new WebApplicationException(Problem.of(503, "Service Unavailable", "busy",
                    e.getMessage() + "; retry later", null).toResponse());
        }
    }

    static <T> Set<T> codes(String list, String field, Function<String, T> parse) {
        if (list == null || list.isBlank()) {
            return Set.of();
        }
        try {
            return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(parse)
                    .collect(Collectors.toSet());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "unknown value in '" + list + "'");
        }
    }
}
