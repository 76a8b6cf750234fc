package io.beacon.change.rest;

import io.beacon.change.application.ChangeAlarms;
import io.beacon.change.application.ChangeEdits;
import io.beacon.change.application.ChangeProcess;
import io.beacon.change.application.ChangeQueries;
import io.beacon.change.application.ChangeService;
import io.beacon.change.application.NewChange;
import io.beacon.change.application.ProcessState;
import io.beacon.change.domain.Change;
import io.beacon.change.domain.ChangeFilter;
import io.beacon.change.domain.ChangeStatus;
import io.beacon.change.domain.ChangeType;
import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.PageRequest;
import io.beacon.platform.domain.Role;
import io.beacon.platform.rest.JsonBody;
import io.beacon.platform.security.CallerIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/** Change requests: {@code /api/changes}. */
@Path("changes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ChangeResource {
    private static final Set<String> CREATE_FIELDS = Set.of("type", "title", "description", "risk", "ciIds",
            "plannedStart", "plannedEnd", "implementationPlan", "backoutPlan", "testPlan", "implementer", "templateId");
    private static final Set<String> PATCH_FIELDS = Set.of("type", "title", "description", "risk", "ciIds", "plannedStart",
            "plannedEnd", "implementationPlan", "backoutPlan", "testPlan", "implementer", "status", "reason", "note",
            "outcome", "version");
    private static final Set<String> PREVIEW_FIELDS = Set.of("ciIds", "plannedStart", "plannedEnd");
    private static final Set<String> SUBSTITUTE_FIELDS = Set.of("approver", "substitute", "from", "until");
    private static final String[] READERS = {Role.AGENT_NAME, Role.APPROVER_NAME, Role.ADMIN_NAME};

    @Inject
    ChangeAlarms alarms;

    @Inject
    ChangeService service;

    @Inject
    ChangeQueries queries;

    @Inject
    ChangeProcess process;

    @Inject
    CallerIdentity caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.AGENT_NAME, Role.APPROVER_NAME, Role.ADMIN_NAME})
    @Transactional
    public Response create(JsonObject json, @Context UriInfo uri) {
        JsonBody body = JsonBody.of(json, CREATE_FIELDS);
        NewChange in = new NewChange(body.string("type"), body.string("title"), body.string("description"),
                body.string("risk"), body.numbers("ciIds"), instant(body, "plannedStart"), instant(body, "plannedEnd"),
                body.string("implementationPlan"), body.string("backoutPlan"), body.string("testPlan"),
                body.string("implementer"), body.number("templateId"));
        body.validate();
        Change change = service.create(caller.caller(), in);
        return Response.created(uri.getAbsolutePathBuilder().path(change.getKey()).build())
                .tag(new EntityTag(String.valueOf(change.getVersion())))
                .entity(ChangeViews.full(queries.details(change.getKey()))).build();
    }

    /**
     * What a planned window on these CIs would run into, before the change exists: approved changes on them or
     * related CIs, freeze windows and maintenance windows (the new-change form asks while the user types).
     */
    @POST
    @Path("conflicts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.AGENT_NAME, Role.APPROVER_NAME, Role.ADMIN_NAME})
    @Transactional
    public Map<String, Object> conflicts(JsonObject json) {
        JsonBody body = JsonBody.of(json, PREVIEW_FIELDS);
        List<Long> ciIds = body.numbers("ciIds");
        Instant start = instant(body, "plannedStart");
        Instant end = instant(body, "plannedEnd");
        body.validate();
        var preview = service.preview(caller.caller(), ciIds, start, end);
        List<ChangeViews.ConflictView> items = preview.conflicts().stream().map(ChangeViews.ConflictView::of).toList();
        return Map.of("items", items, "total", items.size());
    }

    @GET
    @RolesAllowed({Role.AGENT_NAME, Role.APPROVER_NAME, Role.ADMIN_NAME})
    @Transactional
    public Map<String, Object> list(@QueryParam("status") String status, @QueryParam("type") String type,
            @QueryParam("ciId") Long ciId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("requester") String requester, @QueryParam("q") String q, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        if (q != null && q.length() > 200) {
            throw new InvalidInputException("q", "must be at most 200 characters");
        }
        ChangeFilter filter = new ChangeFilter(codes(status, "status", ChangeStatus.class, ChangeStatus::fromCode),
                codes(type, "type", ChangeType.class, ChangeType::fromCode), ciId, instant("from", from),
                instant("to", to), "me".equals(requester) ? caller.caller().username() : blank(requester), blank(q));
        var found = queries.list(filter, PageRequest.of(page, size));
        Map<String, Object> out = new LinkedHashMap<>();
        var approvals = queries.approvalsOf(found.items());
        out.put("items", found.items().stream()
                .map(c -> ChangeViews.summary(c, approvals.getOrDefault(c.getId(), List.of()))).toList());
        out.put("total", found.total());
        out.put("page", found.page());
        out.put("size", found.size());
        return out;
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.AGENT_NAME, Role.APPROVER_NAME, Role.ADMIN_NAME})
    @Transactional
    public Response get(@PathParam("id") String id) {
        var details = queries.details(id);
        return Response.ok(ChangeViews.full(details)).tag(new EntityTag(String.valueOf(details.change().getVersion())))
                .build();
    }

    /** The monitoring alarms attributed to the change: raised inside its window, or outliving it. */
    @GET
    @Path("{id}/alarms")
    @RolesAllowed({Role.AGENT_NAME, Role.APPROVER_NAME, Role.ADMIN_NAME})
    @Transactional
    public Map<String, Object> alarms(@PathParam("id") String id) {
        List<ChangeAlarms.AlarmLink> items = alarms.of(service.find(id).getKey());
        return Map.of("items", items, "total", items.size());
    }

    /** Where the change's process stands: open activities and the steps it went through. */
    @GET
    @Path("{id}/process")
    @RolesAllowed({Role.AGENT_NAME, Role.APPROVER_NAME, Role.ADMIN_NAME})
    @Transactional
    public ProcessState processState(@PathParam("id") String id) {
        return process.state(service.find(id).getKey());
    }

    /**
     * A merge-patch; {@code status} asks the process to move on (implementing, review, closed) or cancels;
     * {@code note} goes with such a step, {@code outcome} (successful, failed, backed_out) with closing.
     * Under approval only the requester or an admin edits (403), and an edit of what was approved restarts
     * approval; once approved, what was approved is frozen (409).
     */
    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed({Role.AGENT_NAME, Role.APPROVER_NAME, Role.ADMIN_NAME})
    @Transactional
    public Response edit(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonObject json) {
        JsonBody body = JsonBody.of(json, PATCH_FIELDS);
        Long version = body.number("version");
        if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.strip().equals("*")) {
            String tag = ifMatch.strip().replace("W/", "").replace("\"", "");
            if (tag.isEmpty() || tag.length() > 18 || !tag.chars().allMatch(Character::isDigit)) {
                throw new InvalidInputException("If-Match", "must be the ETag of the change, e.g. \"3\"");
            }
            version = Long.parseLong(tag);
        }
        ChangeEdits edits = new ChangeEdits(body.string("type"), body.string("title"), body.string("description"), body.string("risk"),
                body.numbers("ciIds"), instant(body, "plannedStart"), instant(body, "plannedEnd"),
                body.string("implementationPlan"), body.string("backoutPlan"), body.string("testPlan"),
                body.string("implementer"), body.string("status"), body.string("reason"), body.string("note"),
                body.string("outcome"), version);
        body.validate();
        Change change = service.edit(caller.caller(), id, edits);
        var details = queries.details(change.getKey());
        return Response.ok(ChangeViews.full(details)).tag(new EntityTag(String.valueOf(details.change().getVersion())))
                .build();
    }

    /** An approver names a substitute for a period (admins for anyone): the substitute gets their approval tasks. */
    @POST
    @Path("substitutes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.APPROVER_NAME, Role.ADMIN_NAME})
    @Transactional
    public Response nameSubstitute(JsonObject json) {
        JsonBody body = JsonBody.of(json, SUBSTITUTE_FIELDS);
        String approver = body.string("approver");
        String substitute = body.string("substitute");
        Instant from = instant(body, "from");
        Instant until = instant(body, "until");
        if (substitute == null) {
            throw new InvalidInputException("substitute", "is required");
        }
        if (until == null) {
            throw new InvalidInputException("until", "is required (ISO-8601)");
        }
        body.validate();
        var s = service.nameSubstitute(caller.caller(), approver, substitute, from, until);
        return Response.status(Response.Status.CREATED).entity(ChangeViews.SubstituteView.of(s)).build();
    }

    @GET
    @Path("substitutes")
    @RolesAllowed({Role.APPROVER_NAME, Role.ADMIN_NAME})
    @Transactional
    public Map<String, Object> substitutes(@QueryParam("approver") String approver) {
        String who = blank(approver) == null ? caller.caller().username() : approver.strip();
        List<ChangeViews.SubstituteView> items = queries.substitutesNamedBy(who).stream()
                .map(ChangeViews.SubstituteView::of).toList();
        return Map.of("items", items, "total", items.size());
    }

    private static Instant instant(JsonBody body, String field) {
        return instant(field, body.string(field));
    }

    static Instant instant(String field, String text) {
        if (blank(text) == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be an ISO-8601 date-time with offset, e.g. 2026-12-01T22:00:00Z");
        }
    }

    private static <E extends Enum<E>> Set<E> codes(String value, String field, Class<E> type,
            BiFunction<String, String, E> parse) {
        if (blank(value) == null) {
            return null;
        }
        Set<E> out = EnumSet.noneOf(type);
        Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(s -> out.add(parse.apply(field, s)));
        return out;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
