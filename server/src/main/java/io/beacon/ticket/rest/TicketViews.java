package io.beacon.ticket.rest;

import io.beacon.identity.domain.User;
import io.beacon.identity.domain.UserGroup;
import io.beacon.ticket.application.SlaStatus;
import io.beacon.ticket.application.TicketAlarms;
import io.beacon.ticket.application.TicketDetails;
import io.beacon.ticket.domain.Ticket;
import io.beacon.ticket.domain.TicketAttachment;
import io.beacon.ticket.domain.TicketComment;
import io.beacon.ticket.domain.TicketHistoryEntry;
import io.beacon.ticket.domain.TicketRating;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Tickets as the API shows them: a summary in lists, the whole ticket on its own. */
public final class TicketViews {
    private TicketViews() {}

    public record PersonView(String username, String displayName, String email) {
        static PersonView of(User u) {
            return u == null ? null : new PersonView(u.getUsername(), u.getDisplayName(), u.getEmail());
        }
    }

    public record GroupRef(long id, String name) {
        static GroupRef of(UserGroup g) {
            return g == null ? null : new GroupRef(g.getId(), g.getName());
        }
    }

    public record CiRef(long id, String name) {}

    public record TicketSummary(long id, String key, String type, String title, String status, String priority,
            String impact, String urgency, PersonView requester, GroupRef group, PersonView assignee,
            List<Long> ciIds, List<CiRef> cis, Instant createdAt, Instant updatedAt, Instant resolvedAt,
            Instant closedAt, long version, SlaStatus sla, String titleKey, Map<String, String> titleArgs) {}

    /**
     * A ticket found by a text search: its summary with the passages that matched, per field
     * ({@code title}, {@code description}, {@code comments}); HTML-escaped, the matches in {@code <mark>}.
     */
    public record TicketFound(long id, String key, String type, String title, String status, String priority,
            String impact, String urgency, PersonView requester, GroupRef group, PersonView assignee,
            List<Long> ciIds, List<CiRef> cis, Instant createdAt, Instant updatedAt, Instant resolvedAt,
            Instant closedAt, long version, Map<String, List<String>> highlights) {}

    static TicketFound found(TicketSummary s, Map<String, List<String>> highlights) {
        return new TicketFound(s.id(), s.key(), s.type(), s.title(), s.status(), s.priority(), s.impact(), s.urgency(),
                s.requester(), s.group(), s.assignee(), s.ciIds(), s.cis(), s.createdAt(), s.updatedAt(), s.resolvedAt(),
                s.closedAt(), s.version(), highlights);
    }

    /** {@code unverified}: the comment is a mail whose sender failed authentication ({@code unverifiedBy} says how). */
    public record CommentView(long id, String author, String body, boolean internal, String channel, Instant createdAt,
            boolean unverified, String unverifiedBy, String messageKey, Map<String, String> messageArgs) {
        static CommentView of(TicketComment c) {
            return new CommentView(c.getId(), c.getAuthor(), c.getBody(), c.isInternal(),
                    c.getChannel().name().toLowerCase(java.util.Locale.ROOT), c.getCreatedAt(), c.isUnverified(),
                    c.getUnverifiedSender(), c.getMessageKey(), c.getMessageArgs());
        }
    }

    public record AttachmentView(long id, String fileName, String contentType, long size, String sha256, String uploadedBy,
            Instant createdAt, String href, boolean internal) {
        static AttachmentView of(String ticketKey, TicketAttachment a) {
            return new AttachmentView(a.getId(), a.getFileName(), a.getContentType(), a.getSizeBytes(), a.getSha256(),
                    a.getUploadedBy(), a.getCreatedAt(), "/api/tickets/" + ticketKey + "/attachments/" + a.getId(),
                    a.isInternal());
        }
    }

    public record HistoryView(String actor, Instant at, String field, String oldValue, String newValue) {
        static HistoryView of(TicketHistoryEntry h) {
            return new HistoryView(h.getActor(), h.getChangedAt(), h.getField(), h.getOldValue(), h.getNewValue());
        }
    }

    public record TicketView(long id, String key, String type, String title, String description, String status,
            List<String> nextStatuses, String priority, boolean priorityOverridden, String impact, String urgency,
            PersonView requester, List<String> participants, GroupRef group, PersonView assignee, List<Long> ciIds,
            List<CiRef> cis, String resolution, String createdBy, Instant createdAt, Instant updatedAt, Instant resolvedAt,
            Instant closedAt, long version, List<CommentView> comments, List<AttachmentView> attachments,
            List<HistoryView> history, SlaStatus sla, List<TicketAlarms.AlarmLink> alarms, String category,
            Instant reopenUntil, List<RatingView> ratings, String titleKey, Map<String, String> titleArgs,
            String descriptionKey, Map<String, String> descriptionArgs, String resolutionKey,
            Map<String, String> resolutionArgs) {}

    /** A requester's rating of one resolution. */
    public record RatingView(int score, String comment, String ratedBy, Instant ratedAt, Instant resolvedAt) {
        static RatingView of(TicketRating r) {
            return new RatingView(r.getScore(), r.getComment(), r.getRatedBy(), r.getRatedAt(), r.getResolvedAt());
        }
    }

    /** A list's line with the ticket's SLA (null without clocks): the queue's due column. */
    static TicketSummary summary(Ticket t, Map<Long, String> ciNames, Map<Long, SlaStatus> slas) {
        return new TicketSummary(t.getId(), t.getKey(), t.getType().code(), t.getTitle(), t.getStatus().code(),
                t.getPriority().code(), t.getImpact().code(), t.getUrgency().code(), PersonView.of(t.getRequester()),
                GroupRef.of(t.getGroup()), PersonView.of(t.getAssignee()), ciIds(t), cis(t, ciNames), t.getCreatedAt(),
                t.getUpdatedAt(), t.getResolvedAt(), t.getClosedAt(), t.getVersion(), slas.get(t.getId()),
                t.getTitleKey(), t.getTitleArgs());
    }

    /** The whole ticket with its SLA clocks (null for a ticket without them, e.g. a problem) and its alarms. */
    static TicketView full(TicketDetails d, SlaStatus sla, List<TicketAlarms.AlarmLink> alarms, Instant reopenUntil,
            List<TicketRating> ratings) {
        Ticket t = d.ticket();
        return new TicketView(t.getId(), t.getKey(), t.getType().code(), t.getTitle(), t.getDescription(),
                t.getStatus().code(), t.getStatus().successors().stream().map(s -> s.code()).toList(),
                t.getPriority().code(), t.isPriorityOverridden(), t.getImpact().code(), t.getUrgency().code(),
                PersonView.of(t.getRequester()), t.getParticipants(), GroupRef.of(t.getGroup()),
                PersonView.of(t.getAssignee()), ciIds(t), cis(t, d.ciNames()), t.getResolution(), t.getCreatedBy(),
                t.getCreatedAt(), t.getUpdatedAt(), t.getResolvedAt(), t.getClosedAt(), t.getVersion(),
                d.comments().stream().map(CommentView::of).toList(),
                d.attachments().stream().map(a -> AttachmentView.of(t.getKey(), a)).toList(),
                d.history().stream().map(HistoryView::of).toList(), sla, alarms,
                t.getCategory() == null ? null : t.getCategory().code(), reopenUntil,
                ratings.stream().map(RatingView::of).toList(),
                t.getTitleKey(), t.getTitleArgs(), t.getDescriptionKey(), t.getDescriptionArgs(), t.getResolutionKey(),
                t.getResolutionArgs());
    }

    private static List<Long> ciIds(Ticket t) {
        return t.getCiIds().stream().sorted().toList();
    }

    private static List<CiRef> cis(Ticket t, Map<Long, String> names) {
        return t.getCiIds().stream().sorted().map(id -> new CiRef(id, names.get(id))).toList();
    }
}
