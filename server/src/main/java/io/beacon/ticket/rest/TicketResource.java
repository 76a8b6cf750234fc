package io.beacon.ticket.rest;

import io.beacon.platform.domain.JsonP;
import io.beacon.identity.domain.UserGroup;
import io.beacon.identity.domain.Users;
import io.beacon.identity.domain.Groups;
import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.PageRequest;
import io.beacon.platform.domain.Role;
import io.beacon.platform.rest.JsonBody;
import io.beacon.platform.security.CallerIdentity;
import io.beacon.ticket.application.NewTicket;
import io.beacon.ticket.application.SlaStatus;
import io.beacon.ticket.application.SlaStatuses;
import io.beacon.ticket.application.TicketAlarms;
import io.beacon.ticket.application.TicketChanges;
import io.beacon.ticket.application.TicketQueries;
import io.beacon.ticket.application.TicketService;
import io.beacon.ticket.domain.Priority;
import io.beacon.ticket.domain.Ticket;
import io.beacon.ticket.domain.TicketAccess;
import io.beacon.ticket.domain.TicketComment;
import io.beacon.ticket.domain.TicketCursor;
import io.beacon.ticket.domain.TicketFilter;
import io.beacon.ticket.domain.TicketSort;
import io.beacon.ticket.domain.TicketStatus;
import io.beacon.ticket.domain.TicketType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
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
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Incidents, service requests and problems: {@code /api/tickets}. One instance for the application (it
 * keeps no request state; the caller comes through a request-scoped proxy): a new instance per request
 * made Liberty resolve its injection targets on every call of the busiest resource.
 */
@Path("tickets")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class TicketResource {
    private static final Set<String> CREATE_FIELDS = Set.of("type", "title", "description", "priority", "impact",
            "urgency", "ciIds", "ciId", "requester", "group", "assignee", "category");
    private static final Set<String> PATCH_FIELDS = Set.of("title", "description", "status", "resolution", "priority",
            "impact", "urgency", "group", "assignee", "requester", "ciIds", "ciId", "version");
    private static final Set<String> COMMENT_FIELDS = Set.of("body", "internal", "cannedResponseId");

    @Inject
    TicketService service;

    @Inject
    TicketQueries queries;

    @Inject
    CallerIdentity caller;

    @Inject
    Users users;

    @Inject
    Groups groups;

    @Inject
    TicketAlarms alarms;

    @Inject
    SlaStatuses sla;

    @Inject
    io.beacon.ticket.domain.TicketRatings ratings;

    @Inject
    io.beacon.platform.config.BeaconConfig config;

    @Inject
    io.beacon.ticket.application.CannedResponseService canned;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.REQUESTER_NAME, Role.AGENT_NAME, Role.ADMIN_NAME})
    @Transactional
    public Response open(JsonObject json, @Context UriInfo uri) {
        Ticket ticket = service.open(caller.caller(), newTicket(json));
        return created(ticket, uri);
    }

    /**
     * A new ticket with its files in one request ({@code multipart/form-data}): a part named {@code ticket}
     * holds the JSON of a plain create (a field or a file), every other part with a file name is a file. All or nothing.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Role.REQUESTER_NAME, Role.AGENT_NAME, Role.ADMIN_NAME})
    @Transactional
    public Response openWithFiles(List<EntityPart> parts, @Context UriInfo uri) throws java.io.IOException {
        JsonObject json = null;
        List<TicketService.Upload> files = new java.util.ArrayList<>();
        for (EntityPart part : parts) {
            if ("ticket".equals(part.getName())) { // a browser sends a Blob part with a file name ("blob")
                try (var reader = JsonP.reader(new java.io.InputStreamReader(part.getContent(),
                        java.nio.charset.StandardCharsets.UTF_8))) {
                    json = reader.readObject();
                } catch (jakarta.json.JsonException | IllegalStateException e) {
                    throw new InvalidInputException("ticket", "the part named ticket must be a JSON object");
                }
            } else if (part.getFileName().isPresent()) {
                var type = part.getMediaType();
                files.add(new TicketService.Upload(part.getFileName().get(),
                        type == null ? null : type.getType() + "/" + type.getSubtype(),
                        TicketAttachmentResource.readLimited(part.getContent(), config.attachmentMaxBytes())));
            }
        }
        if (json == null) {
            throw new InvalidInputException("ticket", "the form needs a part named ticket with the ticket's JSON");
        }
        Ticket ticket = service.openWithFiles(caller.caller(), newTicket(json), files);
        return created(ticket, uri);
    }

    private NewTicket newTicket(JsonObject json) {
        JsonBody body = JsonBody.of(json, CREATE_FIELDS);
        NewTicket input = new NewTicket(body.string("type"), body.string("title"), body.string("description"),
                body.string("priority"), body.string("impact"), body.string("urgency"), ciIds(body),
                body.string("requester"), body.string("group"), body.string("assignee"), channel(),
                body.string("category"));
        body.validate();
        return input;
    }

    private Response created(Ticket ticket, UriInfo uri) {
        return withETag(Response.created(uri.getAbsolutePathBuilder().path(ticket.getKey()).build()), ticket.getVersion())
                .entity(full(queries.details(caller.caller(), ticket.getKey()))).build();
    }

    @GET
    @RolesAllowed({Role.REQUESTER_NAME, Role.AGENT_NAME, Role.ADMIN_NAME, Role.APPROVER_NAME})
    @Transactional
    public Map<String, Object> list(@QueryParam("type") String type, @QueryParam("status") String status,
            @QueryParam("priority") String priority, @QueryParam("ciId") Long ciId,
            @QueryParam("assignee") String assignee, @QueryParam("group") String group, @QueryParam("q") String q,
            @QueryParam("requester") String requester, @QueryParam("sort") String sort,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size, @QueryParam("sla") String sla,
            @QueryParam("organisation") Long organisation, @QueryParam("after") String after, @Context UriInfo uri) {
        TicketFilter filter = withSla(filter(type, status, priority, ciId, assignee, group, q, requester), sla)
                .ofOrganisation(organisation);
        TicketSort order = TicketSort.parse(sort);
        boolean keyset = filter.text() == null;
        TicketCursor cursor = blank(after) == null || !keyset ? null : TicketCursor.decode(after, order);
        // With text: the search index, best match first unless a sort is asked for, with highlights.
        var listing = filter.text() != null
                ? queries.search(caller.caller(), filter, blank(sort) == null ? null : order, PageRequest.of(page, size))
                : queries.list(caller.caller(), filter, order, PageRequest.of(page, size), cursor);
        Map<String, Object> out = new LinkedHashMap<>();
        Map<Long, SlaStatus> slas = this.sla.statuses(listing.page().items().stream().map(Ticket::getId).toList());
        out.put("items", listing.page().items().stream().map(t -> listing.highlights().containsKey(t.getId())
                ? TicketViews.found(TicketViews.summary(t, listing.ciNames(), slas), listing.highlights().get(t.getId()))
                : TicketViews.summary(t, listing.ciNames(), slas)).toList());
        out.put("total", listing.page().total());
        out.put("page", listing.page().page());
        out.put("size", listing.page().size());
        // Keyset paging: the next page starts after this one's last ticket, as fast deep in the list as at its start.
        if (keyset && listing.next() != null) {
            var next = uri.getRequestUriBuilder().replaceQueryParam("page")
                    .replaceQueryParam("after", listing.next().encode()).build();
            out.put("next", next.getRawPath() + "?" + next.getRawQuery());
        }
        return out;
    }

    /** How many tickets a filter matches, per status: the console's queue counters. */
    @GET
    @Path("counts")
    @RolesAllowed({Role.REQUESTER_NAME, Role.AGENT_NAME, Role.ADMIN_NAME, Role.APPROVER_NAME})
    @Transactional
    public Map<String, Object> counts(@QueryParam("type") String type, @QueryParam("status") String status,
            @QueryParam("priority") String priority, @QueryParam("ciId") Long ciId,
            @QueryParam("assignee") String assignee, @QueryParam("group") String group, @QueryParam("q") String q,
            @QueryParam("requester") String requester, @QueryParam("sla") String sla,
            @QueryParam("organisation") Long organisation) {
        TicketFilter filter = withSla(filter(type, status, priority, ciId, assignee, group, q, requester), sla)
                .ofOrganisation(organisation);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        queries.countByStatus(caller.caller(), filter).forEach((s, n) -> byStatus.put(s.code(), n));
        long open = byStatus.entrySet().stream().filter(e -> TicketStatus.fromCode("status", e.getKey()).isOpen())
                .mapToLong(Map.Entry::getValue).sum();
        return Map.of("total", byStatus.values().stream().mapToLong(Long::longValue).sum(), "open", open,
                "byStatus", byStatus);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.REQUESTER_NAME, Role.AGENT_NAME, Role.ADMIN_NAME, Role.APPROVER_NAME})
    @Transactional
    public Response get(@PathParam("id") String id) {
        var details = queries.details(caller.caller(), id);
        return withETag(Response.ok(), details.ticket().getVersion()).entity(full(details)).build();
    }

    /**
     * A merge-patch: absent fields stay, null clears. The version the client based its change on
     * comes as {@code If-Match} (the ETag of GET) or as {@code version}; a stale one is 409.
     */
    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    @Transactional
    public Response change(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonObject json) {
        JsonBody body = JsonBody.of(json, PATCH_FIELDS);
        Long version = body.number("version");
        Long fromHeader = parseIfMatch(ifMatch);
        if (fromHeader != null) {
            version = fromHeader;
        }
        TicketChanges changes = new TicketChanges(body.string("title"), body.clearable("description"),
                body.string("status"), body.string("resolution"), body.clearable("priority"), body.string("impact"),
                body.string("urgency"), body.clearable("group"), body.clearable("assignee"), body.clearable("requester"),
                body.has("ciIds") || body.has("ciId") ? nonNull(ciIds(body)) : null, version);
        body.validate();
        Ticket ticket = service.change(caller.caller(), id, changes);
        var details = queries.details(caller.caller(), ticket.getKey());
        return withETag(Response.ok(), ticket.getVersion()).entity(full(details)).build();
    }

    @GET
    @Path("{id}/comments")
    @RolesAllowed({Role.REQUESTER_NAME, Role.AGENT_NAME, Role.ADMIN_NAME, Role.APPROVER_NAME})
    @Transactional
    public Map<String, Object> comments(@PathParam("id") String id) {
        var comments = queries.details(caller.caller(), id).comments().stream().map(TicketViews.CommentView::of).toList();
        return Map.of("items", comments, "total", comments.size());
    }

    @POST
    @Path("{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.REQUESTER_NAME, Role.AGENT_NAME, Role.ADMIN_NAME})
    @Transactional
    public Response comment(@PathParam("id") String id, JsonObject json) {
        JsonBody body = JsonBody.of(json, COMMENT_FIELDS);
        String text = body.string("body");
        Boolean internal = body.bool("internal");
        Long cannedId = body.number("cannedResponseId");
        body.validate();
        TicketComment c = service.comment(caller.caller(), id, text, Boolean.TRUE.equals(internal), channel());
        if (cannedId != null) {
            // A canned response's field changes (status, group) go with the reply it filled, in one transaction.
            canned.applyOnSend(caller.caller(), id, cannedId);
        }
        return Response.status(Response.Status.CREATED).entity(TicketViews.CommentView.of(c)).build();
    }

    /** The ticket's page with its SLA clocks; the desk also sees the monitoring alarms linked to it. */
    private TicketViews.TicketView full(io.beacon.ticket.application.TicketDetails details) {
        return TicketViews.full(details, slaOf(details.ticket().getId()),
                caller.caller().isStaff() ? alarms.of(details.ticket().getId()) : List.of(),
                service.reopenableUntil(details.ticket()), ratings.of(details.ticket().getId()));
    }

    /** {@code sla=at_risk,breached}: only tickets whose SLA is near or past a breach. */
    private static TicketFilter withSla(TicketFilter f, String sla) {
        if (blank(sla) == null) {
            return f;
        }
        Set<String> states = new java.util.LinkedHashSet<>();
        for (String s : sla.split(",")) {
            String state = s.strip().toLowerCase(java.util.Locale.ROOT);
            if (!state.isEmpty() && !state.equals(TicketFilter.SLA_AT_RISK) && !state.equals(TicketFilter.SLA_BREACHED)) {
                throw new InvalidInputException("sla", "must be at_risk, breached or both");
            }
            if (!state.isEmpty()) {
                states.add(state);
            }
        }
        return new TicketFilter(f.types(), f.statuses(), f.priorities(), f.ciId(), f.assigneeUsername(), f.unassigned(),
                f.groupId(), f.anyOfGroupIds(), f.text(), f.requesterUsername(), states, f.organisationId());
    }

    private TicketFilter filter(String type, String status, String priority, Long ciId, String assignee, String group,
            String q, String requester) {
        Actor actor = caller.caller();
        boolean unassigned = "none".equalsIgnoreCase(blank(assignee));
        String assigneeName = unassigned ? null : "me".equalsIgnoreCase(blank(assignee)) ? actor.username() : blank(assignee);
        Long groupId = null;
        Set<Long> myGroups = null;
        if ("mine".equalsIgnoreCase(blank(group))) {
            myGroups = users.byUsername(actor.username()).map(u -> groups.ofMember(u).stream().map(UserGroup::getId)
                    .collect(Collectors.toSet())).orElse(Set.of());
        } else if (blank(group) != null) {
            String g = group.strip();
            groupId = (g.chars().allMatch(Character::isDigit) && g.length() < 19 ? groups.byId(Long.parseLong(g))
                    : groups.byName(g)).map(UserGroup::getId).orElse(-1L); // an unknown group matches nothing
        }
        String requesterName = "me".equalsIgnoreCase(blank(requester)) ? actor.username() : blank(requester);
        if (requesterName != null && !requesterName.equals(actor.username()) && !TicketAccess.seesAllTickets(actor)) {
            requesterName = actor.username();
        }
        if (q != null && q.length() > 200) {
            throw new InvalidInputException("q", "must be at most 200 characters");
        }
        return new TicketFilter(codes(type, "type", TicketType.class, TicketType::fromCode),
                codes(status, "status", TicketStatus.class, TicketStatus::fromCode),
                codes(priority, "priority", Priority.class, Priority::fromCode), ciId, assigneeName, unassigned,
                groupId, myGroups, blank(q), requesterName);
    }

    /** A comma-separated list of codes: {@code status=new,assigned}. */
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

    private static List<Long> ciIds(JsonBody body) {
        List<Long> ids = body.numbers("ciIds");
        Long one = body.number("ciId");
        if (one != null) {
            ids = ids == null ? List.of(one) : java.util.stream.Stream.concat(ids.stream(), java.util.stream.Stream.of(one)).toList();
        }
        return ids;
    }

    private static List<Long> nonNull(List<Long> ids) {
        return ids == null ? List.of() : ids;
    }

    private static Long parseIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        if (tag.isEmpty() || tag.length() > 18 || !tag.chars().allMatch(Character::isDigit)) {
            throw new InvalidInputException("If-Match", "must be the ETag of the ticket, e.g. \"3\"");
        }
        return Long.parseLong(tag);
    }

    private SlaStatus slaOf(long ticketId) {
        return sla.status(ticketId).orElse(null);
    }

    private static Response.ResponseBuilder withETag(Response.ResponseBuilder builder, long version) {
        return builder.tag(new EntityTag(String.valueOf(version)));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The console signs in with a session; scripts and monitors send their credentials with each call. */
    private TicketComment.Channel channel() {
        return caller.viaSession() ? TicketComment.Channel.WEB : TicketComment.Channel.API;
    }
}
