package io.beacon.ticket.application;

import io.beacon.identity.domain.Groups;
import io.beacon.identity.domain.User;
import io.beacon.identity.domain.UserGroup;
import io.beacon.identity.domain.Users;
import io.beacon.platform.domain.AccessDeniedException;
import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.ConflictException;
import io.beacon.platform.domain.NotFoundException;
import io.beacon.platform.domain.Role;
import io.beacon.ticket.domain.CannedResponse;
import io.beacon.ticket.domain.CannedResponses;
import io.beacon.ticket.domain.CannedText;
import io.beacon.ticket.domain.Ticket;
import io.beacon.ticket.domain.TicketAccess;
import io.beacon.ticket.domain.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Canned responses: administrators keep them; agents pick one in a ticket's reply box, where it comes
 * with its placeholders filled for that ticket, and on sending it applies its field changes.
 */
@ApplicationScoped
@Transactional
public class CannedResponseService {
    @Inject
    CannedResponses responses;

    @Inject
    TicketParties parties;

    @Inject
    TicketQueries queries;

    @Inject
    TicketService tickets;

    @Inject
    Users users;

    @Inject
    Groups groups;

    @Inject
    Clock clock;

    /** What an administrator sends; a null group means every group. */
    public record Input(String name, String group, String bodyKo, String bodyEn, String setStatus, String setGroup) {}

    /** One response filled in for one ticket: the text in the requester's language, and both texts. */
    public record Rendered(CannedResponse response, String locale, String text, String textKo, String textEn) {}

    public List<CannedResponse> all(Actor actor) {
        desk(actor);
        return responses.all();
    }

    public CannedResponse get(Actor actor, long id) {
        desk(actor);
        return find(id);
    }

    public CannedResponse create(Actor actor, Input in) {
        admin(actor);
        CannedResponse r = new CannedResponse(in.name(), group(in.group(), "group"), in.bodyKo(), in.bodyEn(),
                status(in.setStatus()), group(in.setGroup(), "setGroup"), actor.username(), clock.instant());
        if (responses.byName(r.getName()).isPresent()) {
            throw new ConflictException("name", "a canned response named '" + r.getName() + "' exists already");
        }
        return responses.add(r);
    }

    public CannedResponse update(Actor actor, long id, Input in) {
        admin(actor);
        CannedResponse r = find(id);
        r.update(in.name(), group(in.group(), "group"), in.bodyKo(), in.bodyEn(), status(in.setStatus()),
                group(in.setGroup(), "setGroup"), actor.username(), clock.instant());
        responses.byName(r.getName()).filter(other -> !other.getId().equals(r.getId())).ifPresent(other -> {
            throw new ConflictException("name", "a canned response named '" + r.getName() + "' exists already");
        });
        return r;
    }

    public void delete(Actor actor, long id) {
        admin(actor);
        responses.remove(find(id));
    }

    /** The responses offered on a ticket to this agent, filled in for it. */
    public List<Rendered> offered(Actor actor, String idOrKey) {
        desk(actor);
        TicketDetails details = queries.details(actor, idOrKey);
        Ticket t = details.ticket();
        Set<Long> mine = myGroups(actor);
        Map<String, String> values = values(actor, t, details.ciNames());
        String locale = t.getRequester() != null && t.getRequester().getLocale() != null ? t.getRequester().getLocale()
                : users.byUsername(actor.username()).map(User::getLocale).orElse("ko");
        String loc = "en".equals(locale) ? "en" : "ko";
        return responses.all().stream().filter(r -> r.offeredFor(t.getGroup(), mine))
                .map(r -> new Rendered(r, loc, CannedText.render(r.text(loc), values),
                        CannedText.render(r.text("ko"), values), CannedText.render(r.text("en"), values)))
                .toList();
    }

    /**
     * Applies a response's field changes to the ticket it was sent on (the reply itself is an ordinary
     * comment). A status that needs an assignee gives an unassigned ticket to the agent who sends it.
     */
    public void applyOnSend(Actor actor, String idOrKey, long id) {
        desk(actor);
        CannedResponse r = find(id);
        Ticket t = queries.details(actor, idOrKey).ticket();
        if (!r.offeredFor(t.getGroup(), myGroups(actor))) {
            throw new NotFoundException("canned response", String.valueOf(id));
        }
        TicketStatus status = r.getSetStatus() == null || r.getSetStatus() == t.getStatus() ? null : r.getSetStatus();
        UserGroup group = r.getSetGroup() == null
                || (t.getGroup() != null && t.getGroup().getId().equals(r.getSetGroup().getId())) ? null : r.getSetGroup();
        if (status == null && group == null) {
            return;
        }
        boolean needsAssignee = (status == TicketStatus.ASSIGNED || status == TicketStatus.IN_PROGRESS)
                && t.getAssignee() == null;
        tickets.change(actor, t.getKey(), new TicketChanges(null, null, status == null ? null : status.code(), null,
                null, null, null, group == null ? null : Optional.of(group.getName()),
                needsAssignee ? Optional.of(actor.username()) : null, null, null, null));
    }

    private Map<String, String> values(Actor actor, Ticket t, Map<Long, String> ciNames) {
        Map<String, String> v = new HashMap<>();
        User requester = t.getRequester();
        v.put("requester", requester == null ? "" : Optional.ofNullable(requester.getDisplayName()).orElse(requester.getUsername()));
        v.put("key", t.getKey());
        v.put("title", t.getTitle());
        v.put("ci", t.getCiIds().stream().map(id -> ciNames.getOrDefault(id, "#" + id)).collect(Collectors.joining(", ")));
        v.put("agent", users.byUsername(actor.username()).map(u -> Optional.ofNullable(u.getDisplayName())
                .orElse(u.getUsername())).orElse(actor.username()));
        return v;
    }

    private Set<Long> myGroups(Actor actor) {
        return users.byUsername(actor.username()).map(u -> groups.ofMember(u).stream().map(UserGroup::getId)
                .collect(Collectors.toSet())).orElse(Set.of());
    }

    private CannedResponse find(long id) {
        return responses.byId(id).orElseThrow(() -> new NotFoundException("canned response", String.valueOf(id)));
    }

    private UserGroup group(String nameOrId, String field) {
        if (nameOrId == null || nameOrId.isBlank()) {
            return null;
        }
        try {
            return parties.group(nameOrId);
        } catch (io.beacon.platform.domain.InvalidInputException e) {
            throw new io.beacon.platform.domain.InvalidInputException(field, "no group '" + nameOrId.strip() + "'");
        }
    }

    private static TicketStatus status(String code) {
        return code == null || code.isBlank() ? null : TicketStatus.fromCode("setStatus", code);
    }

    private static void desk(Actor actor) {
        if (!TicketAccess.worksTickets(actor)) {
            throw new AccessDeniedException("only agents and admins use canned responses");
        }
    }

    private static void admin(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("only administrators manage canned responses");
        }
    }
}
