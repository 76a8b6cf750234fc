package io.beacon.ticket.application;

import io.beacon.identity.domain.User;
import io.beacon.platform.domain.AccessDeniedException;
import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.ConflictException;
import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.NotFoundException;
import io.beacon.ticket.domain.FieldChange;
import io.beacon.ticket.domain.LinkKind;
import io.beacon.ticket.domain.Ticket;
import io.beacon.ticket.domain.TicketAccess;
import io.beacon.ticket.domain.TicketHistoryEntry;
import io.beacon.ticket.domain.TicketLink;
import io.beacon.ticket.domain.TicketLinks;
import io.beacon.ticket.domain.TicketStatus;
import io.beacon.ticket.domain.Tickets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Links between tickets made by hand (shown on both, written in both histories), and the merge of a
 * duplicate into its survivor: the duplicate's comments and files move to the survivor, the duplicate
 * ends closed with a "duplicate of" link, and mail that answers the duplicate threads onto the survivor.
 */
@ApplicationScoped
@Transactional
public class TicketLinkService {
    /** The audit field of a link made ({@code newValue}) or removed ({@code oldValue}): "duplicate_of INC-2". */
    public static final String LINK = "link";
    /** The survivor's audit field naming the duplicate merged into it. */
    public static final String MERGED_FROM = "mergedFrom";

    @Inject
    Tickets tickets;

    @Inject
    TicketLinks links;

    @Inject
    TicketFinder finder;

    @Inject
    Clock clock;

    @Inject
    Event<TicketActivity> activity;

    /** A link as one ticket sees it: its kind from that side, and the ticket at the other end. */
    public record LinkSeen(TicketLink link, String kind, Ticket other) {}

    public List<LinkSeen> of(Actor actor, String idOrKey) {
        Ticket t = finder.visible(actor, idOrKey);
        return links.of(t.getId()).stream()
                .map(l -> tickets.byId(l.otherThan(t.getId()))
                        .filter(o -> TicketAccess.canView(actor, o))
                        .map(o -> new LinkSeen(l, l.kindSeenFrom(t.getId()), o)))
                .flatMap(Optional::stream).toList();
    }

    public LinkSeen link(Actor actor, String idOrKey, String kindCode, String otherKey) {
        desk(actor);
        LinkKind kind = LinkKind.fromCode("kind", kindCode);
        if (otherKey == null || otherKey.isBlank()) {
            throw new InvalidInputException("ticket", "name the ticket to link to");
        }
        Ticket from = finder.visible(actor, idOrKey);
        Ticket to = finder.find(otherKey).filter(o -> TicketAccess.canView(actor, o))
                .orElseThrow(() -> new InvalidInputException("ticket", "no ticket '" + otherKey.strip() + "'"));
        if (from.getId().equals(to.getId())) {
            throw new InvalidInputException("ticket", "a ticket cannot be linked to itself");
        }
        if (links.between(from.getId(), to.getId(), kind).isPresent()) {
            throw new ConflictException("ticket", from.getKey() + " and " + to.getKey() + " are linked so already");
        }
        Instant now = clock.instant();
        TicketLink link = links.add(new TicketLink(from.getId(), to.getId(), kind, actor.username(), now));
        recordLink(actor, now, from, to, link, true);
        return new LinkSeen(link, kind.code(), to);
    }

    public void unlink(Actor actor, String idOrKey, long linkId) {
        desk(actor);
        Ticket t = finder.visible(actor, idOrKey);
        TicketLink link = links.byId(linkId).filter(l -> l.getSourceId() == t.getId() || l.getTargetId() == t.getId())
                .orElseThrow(() -> new NotFoundException("link", String.valueOf(linkId)));
        Ticket other = tickets.byId(link.otherThan(t.getId())).orElseThrow();
        Ticket source = link.getSourceId() == t.getId() ? t : other;
        Ticket target = source == t ? other : t;
        links.remove(link);
        recordLink(actor, clock.instant(), source, target, link, false);
    }

    /**
     * Merges {@code duplicateKey} into {@code survivorKey}. Both stay: the duplicate closed, its history
     * saying where it went; the survivor with the duplicate's comments and files and a line saying
     * where they came from. The duplicate's requester becomes a participant of the survivor, so their
     * mail replies count there as they did on the duplicate.
     */
    public Ticket merge(Actor actor, String duplicateKey, String survivorKey) {
        desk(actor);
        if (survivorKey == null || survivorKey.isBlank()) {
            throw new InvalidInputException("into", "name the ticket to merge into");
        }
        Ticket duplicate = finder.visible(actor, duplicateKey);
        Ticket survivor = finder.find(survivorKey).filter(o -> TicketAccess.canView(actor, o))
                .orElseThrow(() -> new InvalidInputException("into", "no ticket '" + survivorKey.strip() + "'"));
        if (duplicate.getMergedIntoId() != null) {
            throw new ConflictException("into", duplicate.getKey() + " was merged already");
        }
        if (duplicate.getStatus() == TicketStatus.CLOSED) {
            throw new ConflictException("status", duplicate.getKey() + " is closed; only an open ticket is merged");
        }
        Instant now = clock.instant();
        duplicate.mergeInto(survivor, now);
        User requester = duplicate.getRequester();
        if (requester != null && requester.getEmail() != null && !survivor.isRequestedBy(requester.getUsername())
                && (survivor.getRequester() == null || !requester.getEmail().equalsIgnoreCase(survivor.getRequester().getEmail()))
                && !survivor.hasParticipant(requester.getEmail()) && survivor.getParticipants().size() < Ticket.PARTICIPANTS_MAX) {
            survivor.addParticipant(requester.getEmail(), now);
        }
        List<FieldChange> duplicateChanges = duplicate.drainChanges();
        List<FieldChange> survivorChanges = new java.util.ArrayList<>(survivor.drainChanges());
        survivorChanges.add(new FieldChange(MERGED_FROM, null, duplicate.getKey()));
        audit(duplicate, actor, now, duplicateChanges);
        audit(survivor, actor, now, survivorChanges);
        if (links.between(duplicate.getId(), survivor.getId(), LinkKind.DUPLICATE_OF).isEmpty()) {
            TicketLink link = links.add(new TicketLink(duplicate.getId(), survivor.getId(), LinkKind.DUPLICATE_OF,
                    actor.username(), now));
            audit(duplicate, actor, now, List.of(new FieldChange(LINK, null, link.getKind().code() + " " + survivor.getKey())));
            audit(survivor, actor, now, List.of(new FieldChange(LINK, null, link.getKind().inverse() + " " + duplicate.getKey())));
        }
        tickets.flush();
        Snapshot d = Snapshot.of(duplicate);
        Snapshot s = Snapshot.of(survivor);
        String survivorKeyNow = survivor.getKey();
        links.moveActivity(duplicate.getId(), survivor.getId());
        tickets.touch(s.id(), now);
        fire(d, actor, now, duplicateChanges);
        fire(s, actor, now, survivorChanges);
        return finder.find(survivorKeyNow).orElseThrow();
    }

    /** What an activity event needs, read before the move leaves the entities detached. */
    private record Snapshot(long id, String key, String type, String status, String priority) {
        static Snapshot of(Ticket t) {
            return new Snapshot(t.getId(), t.getKey(), t.getType().code(), t.getStatus().code(), t.getPriority().code());
        }
    }

    private void recordLink(Actor actor, Instant now, Ticket source, Ticket target, TicketLink link, boolean made) {
        FieldChange onSource = made ? new FieldChange(LINK, null, link.getKind().code() + " " + target.getKey())
                : new FieldChange(LINK, link.getKind().code() + " " + target.getKey(), null);
        FieldChange onTarget = made ? new FieldChange(LINK, null, link.getKind().inverse() + " " + source.getKey())
                : new FieldChange(LINK, link.getKind().inverse() + " " + source.getKey(), null);
        audit(source, actor, now, List.of(onSource));
        audit(target, actor, now, List.of(onTarget));
        tickets.flush();
        tickets.touch(source.getId(), now);
        tickets.touch(target.getId(), now);
        fire(Snapshot.of(source), actor, now, List.of(onSource));
        fire(Snapshot.of(target), actor, now, List.of(onTarget));
    }

    private void audit(Ticket t, Actor actor, Instant now, List<FieldChange> changes) {
        if (!changes.isEmpty()) {
            tickets.addHistory(changes.stream().map(c -> new TicketHistoryEntry(t.getId(), actor.username(), now, c)).toList());
        }
    }

    private void fire(Snapshot t, Actor actor, Instant now, List<FieldChange> changes) {
        activity.fire(new TicketActivity(TicketActivity.Kind.CHANGED, t.id(), t.key(), t.type(), t.status(),
                t.priority(), actor.username(), now, changes, null, false));
    }

    private static void desk(Actor actor) {
        if (!TicketAccess.worksTickets(actor)) {
            throw new AccessDeniedException("only agents and admins link and merge tickets");
        }
    }
}
