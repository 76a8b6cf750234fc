package io.beacon.ticket.application;

import io.beacon.cmdb.application.CiReferences;
import io.beacon.identity.domain.User;
import io.beacon.identity.domain.UserGroup;
import io.beacon.platform.domain.AccessDeniedException;
import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.SystemText;
import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.StaleVersionException;
import io.beacon.platform.domain.Validator;
import io.beacon.ticket.domain.FieldChange;
import io.beacon.ticket.domain.Level;
import io.beacon.ticket.domain.Priority;
import io.beacon.ticket.domain.PriorityMatrix;
import io.beacon.ticket.domain.Ticket;
import io.beacon.ticket.domain.TicketAccess;
import io.beacon.ticket.domain.TicketAttachment;
import io.beacon.ticket.domain.TicketCategory;
import io.beacon.ticket.domain.TicketRating;
import io.beacon.ticket.domain.TicketRatings;
import io.beacon.ticket.domain.TicketComment;
import io.beacon.ticket.domain.TicketHistoryEntry;
import io.beacon.ticket.domain.TicketStatus;
import io.beacon.ticket.domain.TicketType;
import io.beacon.ticket.domain.Tickets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Opens and changes tickets; each call is one transaction and leaves an audit line per changed field. */
@ApplicationScoped
@Transactional
public class TicketService {
    static final int MAX_CIS = 500;
    /** The audit field of a file only the desk sees. */
    public static final String INTERNAL_ATTACHMENT = "internalAttachment";

    @Inject
    CiReferences ciReferences;

    @Inject
    Tickets tickets;

    @Inject
    TicketFinder finder;

    @Inject
    TicketParties parties;

    @Inject
    Clock clock;

    @Inject
    PriorityDecision priorities;

    @Inject
    Event<TicketActivity> activity;

    @Inject
    TicketMentions mentions;

    @Inject
    TicketRatings ratings;

    @Inject
    ReopenWindow reopenWindow;

    /** A file handed in with a new ticket. */
    public record Upload(String fileName, String contentType, byte[] content) {}

    /**
     * Opens a ticket with its files, all or nothing: a file that is refused (too large, empty) leaves no
     * ticket behind. The desk sees the new ticket with its files at once.
     */
    public Ticket openWithFiles(Actor actor, NewTicket in, List<Upload> files) {
        Ticket ticket = open(actor, in);
        for (Upload f : files) {
            store(ticket, actor, f.fileName(), f.contentType(), f.content(), false);
        }
        return ticket;
    }

    /** The requester rates the current resolution: 1 to 5 and an optional comment, once per resolution. */
    public TicketRating rate(Actor actor, String idOrKey, Integer score, String comment) {
        Ticket ticket = finder.visible(actor, idOrKey);
        TicketRating existing = ticket.getResolvedAt() == null ? null
                : ratings.forResolution(ticket.getId(), ticket.getResolvedAt()).orElse(null);
        Instant now = clock.instant();
        TicketRating rating = ratings.add(TicketRating.rate(ticket, actor.username(), score, comment, existing, now));
        List<FieldChange> changes = List.of(new FieldChange("rating", null, String.valueOf(rating.getScore())));
        audit(ticket, actor, now, changes);
        tickets.touch(ticket.getId(), now);
        fire(TicketActivity.Kind.CHANGED, ticket, actor, now, changes, null, false);
        return rating;
    }

    /**
     * The requester reopens their resolved ticket within the reopen window (until Beacon would close it),
     * saying why in a comment; the desk changes the status through {@link #change}.
     */
    public Ticket reopen(Actor actor, String idOrKey, String why) {
        Ticket ticket = finder.visible(actor, idOrKey);
        if (!ticket.isRequestedBy(actor.username())) {
            throw new AccessDeniedException("only the requester reopens " + ticket.getKey() + " here; the desk changes its status")
                    .keyed("problem.ticket.reopenNotRequester", Map.of("key", ticket.getKey()));
        }
        if (why != null) {
            Validator v = new Validator();
            v.text(why, "comment", false, TicketComment.BODY_MAX);
            v.throwIfInvalid();
        }
        Instant now = clock.instant();
        ticket.reopen(now, reopenWindow.duration());
        List<FieldChange> changes = ticket.drainChanges();
        audit(ticket, actor, now, changes);
        tickets.flush();
        fire(TicketActivity.Kind.CHANGED, ticket, actor, now, changes, null, false);
        if (why != null && !why.isBlank()) {
            comment(actor, ticket.getKey(), why, false, TicketComment.Channel.WEB);
        }
        return ticket;
    }

    /** Until when the requester may reopen the ticket (null: not resolved). */
    public Instant reopenableUntil(Ticket ticket) {
        return ticket.reopenableUntil(reopenWindow.duration());
    }

    /**
     * The tickets this transaction writes reach the search index just after it commits, and its caller
     * does not wait for that: for callers that read nothing back (the mail intake).
     */
    public void indexWithoutWaiting() {
        tickets.indexWithoutWaiting();
    }

    public Ticket open(Actor actor, NewTicket in) {
        return openAll(actor, List.of(in)).get(0);
    }

    /**
     * Opens several tickets at once (an alarm storm's incidents): checked alike, their CIs looked up in
     * one query, their rows written together. All or none: one invalid ticket refuses the call.
     */
    public List<Ticket> openAll(Actor actor, List<NewTicket> all) {
        List<Opening> openings = new ArrayList<>(all.size());
        List<Long> everyCi = new ArrayList<>();
        // A storm's incidents share their requester and group: one query each, not one per ticket.
        Parties known = new Parties();
        for (NewTicket in : all) {
            Opening o = prepare(actor, in, known);
            openings.add(o);
            everyCi.addAll(o.ciIds());
        }
        ciReferences.checked(everyCi, Integer.MAX_VALUE);
        // What the caller left pending is written first: the new rows below go out together, tickets before
        // their history (Hibernate orders a flush's inserts by entity, not by the ticket ids they refer to).
        tickets.flush();
        List<Long> numbers = numbered(openings);
        Instant now = clock.instant();
        List<Ticket> opened = new ArrayList<>(all.size());
        List<List<FieldChange>> creations = new ArrayList<>(all.size());
        // One evaluation per impact x urgency within the batch (a storm's incidents are alike), none kept
        // beyond it: a replaced table applies to the next call.
        Map<List<Level>, Priority> decided = new HashMap<>();
        PriorityMatrix batchPriorities = (impact, urgency) ->
                decided.computeIfAbsent(List.of(impact, urgency), k -> priorities.of(impact, urgency));
        for (int i = 0; i < openings.size(); i++) {
            Opening o = openings.get(i);
            NewTicket in = o.in();
            Ticket ticket = new Ticket(o.type(), numbers.get(i), in.title(), in.description(), o.impact(), o.urgency(),
                    o.requester(), actor.username(), batchPriorities, now);
            ticket.writtenByBeacon(in.titleText(), in.descriptionText());
            if (o.priority() != null) {
                ticket.overridePriority(o.priority(), now);
            }
            ticket.linkCis(o.ciIds(), now);
            if (o.category() != null) {
                ticket.categorise(o.category(), now);
            }
            if (o.group() != null || o.assignee() != null) {
                ticket.assign(o.group(), o.assignee(), now);
            }
            ticket.drainChanges(); // the initial values are the creation itself, not changes
            tickets.add(ticket);
            List<FieldChange> created = new ArrayList<>();
            created.add(new FieldChange("created", null, ticket.getKey()));
            if (ticket.getStatus() != TicketStatus.NEW) {
                created.add(new FieldChange("status", TicketStatus.NEW.code(), ticket.getStatus().code()));
            }
            audit(ticket, actor, now, created);
            opened.add(ticket);
            creations.add(created);
        }
        tickets.flush();
        for (int i = 0; i < opened.size(); i++) {
            fire(TicketActivity.Kind.CREATED, opened.get(i), actor, now, creations.get(i), null, false, all.get(i).channel());
        }
        return opened;
    }

    /** Each opening's number, in order: one reservation per ticket type, however many tickets the call opens. */
    private List<Long> numbered(List<Opening> openings) {
        Map<TicketType, Long> perType = new EnumMap<>(TicketType.class);
        for (Opening o : openings) {
            perType.merge(o.type(), 1L, Long::sum);
        }
        Map<TicketType, Long> next = new EnumMap<>(TicketType.class);
        perType.forEach((type, count) -> next.put(type, tickets.reserveNumbers(type, Math.toIntExact(count))));
        List<Long> numbers = new ArrayList<>(openings.size());
        for (Opening o : openings) {
            numbers.add(next.merge(o.type(), 1L, Long::sum) - 1);
        }
        return numbers;
    }

    /** A new ticket's input, checked, with its parties found. */
    private record Opening(NewTicket in, TicketType type, Level impact, Level urgency, Priority priority,
            Set<Long> ciIds, User requester, UserGroup group, User assignee, TicketCategory category) {}

    /** The people and groups named by the tickets of one call, each looked up once. */
    private final class Parties {
        private final Map<String, User> requesters = new HashMap<>();
        private final Map<String, UserGroup> groups = new HashMap<>();

        User requester(String nameOrEmail) {
            return requesters.computeIfAbsent(nameOrEmail, parties::requester);
        }

        UserGroup group(String nameOrId) {
            return groups.computeIfAbsent(nameOrId, parties::group);
        }
    }

    private Opening prepare(Actor actor, NewTicket in, Parties known) {
        boolean desk = TicketAccess.worksTickets(actor);
        if (!desk) { // a requester may say how urgent it is to them; the rest is the desk's
            List<String> deskOnly = new ArrayList<>();
            Map<String, Object> given = new java.util.LinkedHashMap<>();
            given.put("priority", in.priority());
            given.put("impact", in.impact());
            given.put("group", in.group());
            given.put("assignee", in.assignee());
            given.put("requester", in.requester());
            given.forEach((field, value) -> {
                if (value != null) {
                    deskOnly.add(field);
                }
            });
            if (!deskOnly.isEmpty()) {
                String fields = String.join(", ", deskOnly);
                throw new AccessDeniedException("only the desk sets " + fields + "; leave them out, the desk decides")
                        .keyed("problem.ticket.deskOnlyFields", Map.of("fields", fields));
            }
        }
        Validator v = new Validator();
        v.require(in.type() != null, "type", "must be incident or service_request");
        v.text(in.title(), "title", true, Ticket.TITLE_MAX);
        v.text(in.description(), "description", false, Ticket.DESCRIPTION_MAX);
        v.throwIfInvalid();
        TicketType type = TicketType.fromCode("type", in.type());
        Level impact = in.impact() == null ? null : Level.fromCode("impact", in.impact());
        Level urgency = in.urgency() == null ? null : Level.fromCode("urgency", in.urgency());
        Priority priority = in.priority() == null ? null : Priority.fromCode("priority", in.priority());
        TicketCategory category = in.category() == null || in.category().isBlank() ? null
                : TicketCategory.fromCode("category", in.category());
        if (in.ciIds() != null && (in.ciIds().size() > MAX_CIS || in.ciIds().stream().anyMatch(id -> id == null))) {
            throw new InvalidInputException("ciIds", "at most " + MAX_CIS + " CI ids, none of them null");
        }
        // Beacon itself (an incident from an alarm) has no user account: such a ticket has no requester.
        User requester = in.requester() != null ? known.requester(in.requester())
                : Actor.SYSTEM.equals(actor) ? null : known.requester(actor.username());
        UserGroup group = in.group() == null ? null : known.group(in.group());
        User assignee = in.assignee() == null ? null : parties.assignee(in.assignee());
        return new Opening(in, type, impact, urgency, priority,
                in.ciIds() == null ? Set.of() : new LinkedHashSet<>(in.ciIds()), requester, group, assignee, category);
    }

    public Ticket change(Actor actor, String idOrKey, TicketChanges in) {
        if (!TicketAccess.worksTickets(actor)) {
            throw new AccessDeniedException("only agents and admins change tickets")
                    .keyed("problem.ticket.changeDeskOnly", Map.of());
        }
        Ticket ticket = finder.visible(actor, idOrKey);
        if (in.expectedVersion() != null && in.expectedVersion() != ticket.getVersion()) {
            throw new StaleVersionException(ticket.getKey(), in.expectedVersion(), ticket.getVersion());
        }
        Instant now = clock.instant();
        // Assignment first, so that {"assignee": "kim", "status": "in_progress"} works in one call.
        if (in.group() != null || in.assignee() != null) {
            UserGroup group = in.group() == null ? ticket.getGroup() : in.group().map(parties::group).orElse(null);
            User assignee = in.assignee() == null ? ticket.getAssignee() : in.assignee().map(parties::assignee).orElse(null);
            ticket.assign(group, assignee, now);
        }
        if (in.requester() != null) {
            ticket.setRequester(in.requester().map(parties::requester)
                    .orElseThrow(() -> new InvalidInputException("requester", "a ticket keeps its requester")), now);
        }
        if (in.title() != null) {
            ticket.rename(in.title(), now);
        }
        if (in.description() != null) {
            ticket.describe(in.description().orElse(null), now);
        }
        if (in.impact() != null || in.urgency() != null) {
            ticket.rate(in.impact() == null ? null : Level.fromCode("impact", in.impact()),
                    in.urgency() == null ? null : Level.fromCode("urgency", in.urgency()), priorities, now);
        }
        if (in.priority() != null) {
            if (in.priority().isPresent()) {
                ticket.overridePriority(Priority.fromCode("priority", in.priority().get()), now);
            } else {
                ticket.derivePriority(priorities, now);
            }
        }
        if (in.ciIds() != null) {
            ticket.linkCis(checkedCis(in.ciIds()), now);
        }
        if (in.status() != null) {
            ticket.moveTo(TicketStatus.fromCode("status", in.status()), in.resolution(), now);
        } else if (in.resolution() != null) {
            if (ticket.getStatus() != TicketStatus.RESOLVED) {
                throw new InvalidInputException("resolution", "a resolution goes with status resolved");
            }
            ticket.moveTo(TicketStatus.RESOLVED, in.resolution(), now);
        }
        List<FieldChange> changes = ticket.drainChanges();
        audit(ticket, actor, now, changes);
        tickets.flush();
        if (!changes.isEmpty()) {
            fire(TicketActivity.Kind.CHANGED, ticket, actor, now, changes, null, false);
        }
        return ticket;
    }

    /** Beacon resolves a ticket on its own (an alarm cleared): its resolution in each reader's language. */
    public Ticket resolveAsBeacon(String idOrKey, SystemText resolution) {
        Ticket ticket = change(Actor.SYSTEM, idOrKey, new TicketChanges(null, null, TicketStatus.RESOLVED.code(),
                resolution.text(), null, null, null, null, null, null, null, null));
        ticket.resolutionWrittenByBeacon(resolution);
        return ticket;
    }

    /** Adds an e-mail address whose mail on the ticket counts like the requester's; the desk's call. */
    public Ticket addParticipant(Actor actor, String idOrKey, String email) {
        return changeParticipants(actor, idOrKey, (ticket, now) -> ticket.addParticipant(email, now));
    }

    public Ticket removeParticipant(Actor actor, String idOrKey, String email) {
        return changeParticipants(actor, idOrKey, (ticket, now) -> ticket.removeParticipant(email, now));
    }

    private Ticket changeParticipants(Actor actor, String idOrKey, java.util.function.BiConsumer<Ticket, Instant> change) {
        if (!TicketAccess.worksTickets(actor)) {
            throw new AccessDeniedException("only agents and admins change a ticket's participants");
        }
        Ticket ticket = finder.visible(actor, idOrKey);
        Instant now = clock.instant();
        change.accept(ticket, now);
        List<FieldChange> changes = ticket.drainChanges();
        audit(ticket, actor, now, changes);
        tickets.flush();
        fire(TicketActivity.Kind.CHANGED, ticket, actor, now, changes, null, false);
        return ticket;
    }

    public TicketComment comment(Actor actor, String idOrKey, String body, boolean internal,
            TicketComment.Channel channel) {
        return comment(actor, idOrKey, null, body, internal, channel);
    }

    /** A note Beacon writes: its English text as the body, its key and arguments for each reader's language. */
    public TicketComment comment(Actor actor, String idOrKey, SystemText text, boolean internal,
            TicketComment.Channel channel) {
        return comment(actor, idOrKey, text, text.text(), internal, channel);
    }

    private TicketComment comment(Actor actor, String idOrKey, SystemText text, String body, boolean internal,
            TicketComment.Channel channel) {
        Ticket ticket = finder.visible(actor, idOrKey);
        if (!TicketAccess.canComment(actor, ticket, internal)) {
            throw new AccessDeniedException(internal ? "only the desk writes internal notes"
                    : "you may comment only on your own tickets")
                    .keyed(internal ? "problem.ticket.notesDeskOnly" : "problem.ticket.commentOwnOnly", Map.of());
        }
        Instant now = clock.instant();
        TicketComment comment = tickets.addComment(text == null
                ? new TicketComment(ticket.getId(), actor.username(), body, internal, channel, now)
                : new TicketComment(ticket.getId(), actor.username(), text, internal, channel, now));
        audit(ticket, actor, now, List.of(new FieldChange(internal ? "note" : "comment", null,
                String.valueOf(comment.getId()))));
        tickets.touch(ticket.getId(), now);
        fire(TicketActivity.Kind.COMMENTED, ticket, actor, now, List.of(), comment.getId(), internal);
        mentions.fromNote(ticket, comment);
        return comment;
    }

    /**
     * A comment made of a received mail. The mail channel has settled what the mail may be (who its sender is
     * to the ticket, whether it was authenticated: {@code io.beacon.mail.domain.Threading}), so no caller's
     * rights are checked here: {@code author} is the sender's user for a public comment, Beacon for a note.
     * {@code unverifiedSender} carries the failed authentication results, or null.
     */
    public TicketComment commentFromMail(String idOrKey, String author, String body, boolean internal,
            String unverifiedSender) {
        return commentFromMail(idOrKey, author, null, body, internal, unverifiedSender);
    }

    /** A note Beacon writes about a received mail, with its key and arguments for each reader's language. */
    public TicketComment commentFromMail(String idOrKey, String author, SystemText text, boolean internal,
            String unverifiedSender) {
        return commentFromMail(idOrKey, author, text, text.text(), internal, unverifiedSender);
    }

    private TicketComment commentFromMail(String idOrKey, String author, SystemText text, String body, boolean internal,
            String unverifiedSender) {
        Ticket ticket = finder.find(idOrKey).orElseThrow(() -> new io.beacon.platform.domain.NotFoundException("ticket", idOrKey));
        Instant now = clock.instant();
        TicketComment comment = tickets.addComment((text == null
                ? new TicketComment(ticket.getId(), author, body, internal, TicketComment.Channel.MAIL, now)
                : new TicketComment(ticket.getId(), author, text, internal, TicketComment.Channel.MAIL, now))
                .fromUnverifiedSender(unverifiedSender));
        Actor by = new Actor(author, Set.of());
        audit(ticket, by, now, List.of(new FieldChange(internal ? "note" : "comment", null,
                String.valueOf(comment.getId()))));
        tickets.touch(ticket.getId(), now);
        fire(TicketActivity.Kind.COMMENTED, ticket, by, now, List.of(), comment.getId(), internal);
        return comment;
    }

    /** A file that came with a mail, on the mail channel's terms (see {@link #commentFromMail}); an internal one only the desk sees. */
    public TicketAttachment attachFromMail(String idOrKey, String author, String fileName, String contentType,
            byte[] content, boolean internal) {
        Ticket ticket = finder.find(idOrKey).orElseThrow(() -> new io.beacon.platform.domain.NotFoundException("ticket", idOrKey));
        return store(ticket, new Actor(author, Set.of()), fileName, contentType, content, internal);
    }

    public TicketAttachment attach(Actor actor, String idOrKey, String fileName, String contentType, byte[] content) {
        Ticket ticket = finder.visible(actor, idOrKey);
        if (!TicketAccess.canComment(actor, ticket, false)) {
            throw new AccessDeniedException("you may attach files only to your own tickets")
                    .keyed("problem.ticket.attachOwnOnly", Map.of());
        }
        return store(ticket, actor, fileName, contentType, content, false);
    }

    private TicketAttachment store(Ticket ticket, Actor actor, String fileName, String contentType, byte[] content,
            boolean internal) {
        if (ticket.getStatus() == TicketStatus.CLOSED) {
            throw new io.beacon.platform.domain.ConflictException("status", ticket.getKey() + " is closed");
        }
        Instant now = clock.instant();
        TicketAttachment attachment = tickets.addAttachment(new TicketAttachment(ticket.getId(), fileName, contentType,
                content.length, sha256(content), actor.username(), internal, now), content);
        // An internal file's audit line is the desk's only, like a note's (TicketQueries leaves it out for requesters).
        audit(ticket, actor, now, List.of(new FieldChange(internal ? INTERNAL_ATTACHMENT : "attachment", null,
                attachment.getFileName())));
        tickets.touch(ticket.getId(), now);
        fire(TicketActivity.Kind.ATTACHED, ticket, actor, now, List.of(), null, internal);
        return attachment;
    }

    private void fire(TicketActivity.Kind kind, Ticket t, Actor actor, Instant now, List<FieldChange> changes,
            Long commentId, boolean internal) {
        fire(kind, t, actor, now, changes, commentId, internal, null);
    }

    private void fire(TicketActivity.Kind kind, Ticket t, Actor actor, Instant now, List<FieldChange> changes,
            Long commentId, boolean internal, TicketComment.Channel channel) {
        activity.fire(new TicketActivity(kind, t.getId(), t.getKey(), t.getType().code(), t.getStatus().code(),
                t.getPriority().code(), actor.username(), now, changes, commentId, internal, channel));
    }

    private Set<Long> checkedCis(List<Long> ids) {
        return ciReferences.checked(ids, MAX_CIS);
    }

    private void audit(Ticket ticket, Actor actor, Instant now, List<FieldChange> changes) {
        if (!changes.isEmpty()) {
            tickets.addHistory(changes.stream()
                    .map(c -> new TicketHistoryEntry(ticket.getId(), actor.username(), now, c)).toList());
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
