package io.beacon.ticket.domain;

import io.beacon.identity.domain.User;
import io.beacon.identity.domain.UserGroup;
import io.beacon.platform.domain.ConflictException;
import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.NotFoundException;
import io.beacon.platform.domain.SystemText;
import io.beacon.platform.domain.Validator;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An incident, service request or problem. Every change goes through a method that enforces the
 * lifecycle and records what changed, so that the audit trail cannot miss an edit.
 */
@Entity
@Table(name = "ticket")
public class Ticket {
    public static final int TITLE_MAX = 300;
    public static final int DESCRIPTION_MAX = 100_000;
    public static final int RESOLUTION_MAX = 4000;
    public static final int PARTICIPANTS_MAX = 50;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_seq")
    @SequenceGenerator(name = "ticket_seq", sequenceName = "ticket_seq", allocationSize = 50)
    private Long id;

    @Column(name = "ticket_key", nullable = false, unique = true, length = 24)
    private String key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private TicketType type;

    @Column(nullable = false, length = TITLE_MAX)
    private String title;

    @Column(name = "description")
    private String description;

    /** Set when Beacon wrote the title (an incident from an alarm): its message key and arguments. */
    @Column(name = "title_key", length = 100)
    private String titleKey;

    @Column(name = "title_args")
    private String titleArgs;

    @Column(name = "description_key", length = 100)
    private String descriptionKey;

    @Column(name = "description_args")
    private String descriptionArgs;

    /** Set when Beacon wrote the resolution (an incident resolved on its alarm's clear). */
    @Column(name = "resolution_key", length = 100)
    private String resolutionKey;

    @Column(name = "resolution_args")
    private String resolutionArgs;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private TicketStatus status;

    /** {@link TicketStatus#isOpen()}, derived by the database from the status (V10_16), for the open queues' indexes: queries only. */
    @Column(name = "is_open", insertable = false, updatable = false)
    private Boolean open;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Level impact;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Level urgency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 2)
    private Priority priority;

    @Enumerated(EnumType.STRING)
    @Column(length = 40)
    private TicketCategory category;

    @Column(name = "priority_overridden", nullable = false)
    private boolean priorityOverridden;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "requester_id")
    private User requester;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assignment_group_id")
    private UserGroup group;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assignee_id")
    private User assignee;

    @Column(length = RESOLUTION_MAX)
    private String resolution;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "ticket_ci", joinColumns = @JoinColumn(name = "ticket_id"))
    @Column(name = "ci_id")
    private Set<Long> ciIds = new TreeSet<>();

    /** E-mail addresses the desk added: their mail on this ticket counts like the requester's (but never reopens it). */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "ticket_participant", joinColumns = @JoinColumn(name = "ticket_id"))
    @Column(name = "email", length = 320)
    private Set<String> participants = new TreeSet<>();

    /**
     * Read-only view of the ticket's comments (each comment keeps its ticket id; nothing writes through
     * this side): the search index reads their text from here.
     */
    @OneToMany(fetch = FetchType.LAZY)
    @JoinColumn(name = "ticket_id", insertable = false, updatable = false)
    private List<TicketComment> comments = new ArrayList<>();

    @Version
    private long version;

    /** The survivor this ticket was merged into as its duplicate; null for every other ticket. */
    @Column(name = "merged_into_id")
    private Long mergedIntoId;

    @Transient
    private List<FieldChange> pendingChanges = new ArrayList<>();

    protected Ticket() {}

    public Ticket(TicketType type, long number, String title, String description, Level impact, Level urgency,
            User requester, String createdBy, PriorityMatrix matrix, Instant now) {
        Validator v = new Validator();
        validateTitle(v, title);
        validateDescription(v, description);
        v.throwIfInvalid();
        this.type = Objects.requireNonNull(type);
        this.key = type.key(number);
        this.title = title.strip();
        this.description = blankToNull(description);
        this.impact = impact == null ? Level.MEDIUM : impact;
        this.urgency = urgency == null ? Level.MEDIUM : urgency;
        this.priority = matrix.of(this.impact, this.urgency);
        this.status = TicketStatus.NEW;
        this.requester = requester;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * Marks the title and/or description as written by Beacon: their message keys and arguments, for each
     * reader's language (their English rendering is the title and description themselves). Only at opening.
     */
    public void writtenByBeacon(SystemText titleText, SystemText descriptionText) {
        if (titleText != null) {
            titleKey = titleText.key();
            titleArgs = titleText.argsJson();
        }
        if (descriptionText != null) {
            descriptionKey = descriptionText.key();
            descriptionArgs = descriptionText.argsJson();
        }
    }

    /** Marks the resolution as Beacon's (its English rendering is the resolution itself) while it is the one given. */
    public void resolutionWrittenByBeacon(SystemText text) {
        if (text != null && resolution != null && resolution.equals(text.text().strip())) {
            resolutionKey = text.key();
            resolutionArgs = text.argsJson();
        }
    }

    // ---- changes ----

    public void rename(String newTitle, Instant now) {
        ensureEditable();
        Validator v = new Validator();
        validateTitle(v, newTitle);
        v.throwIfInvalid();
        String t = newTitle.strip();
        if (!t.equals(title)) {
            record("title", title, t, now);
            title = t;
            titleKey = null; // a person's title is shown as written
            titleArgs = null;
        }
    }

    public void describe(String newDescription, Instant now) {
        ensureEditable();
        Validator v = new Validator();
        validateDescription(v, newDescription);
        v.throwIfInvalid();
        String d = blankToNull(newDescription);
        if (!Objects.equals(d, description)) {
            // The audit keeps that the description changed, not two copies of a long text.
            record("description", abbreviate(description), abbreviate(d), now);
            description = d;
            descriptionKey = null;
            descriptionArgs = null;
        }
    }

    /** New impact and/or urgency; the priority follows unless someone set it by hand. */
    public void rate(Level newImpact, Level newUrgency, PriorityMatrix matrix, Instant now) {
        ensureEditable();
        if (newImpact != null && newImpact != impact) {
            record("impact", impact.code(), newImpact.code(), now);
            impact = newImpact;
        }
        if (newUrgency != null && newUrgency != urgency) {
            record("urgency", urgency.code(), newUrgency.code(), now);
            urgency = newUrgency;
        }
        if (!priorityOverridden) {
            setPriority(matrix.of(impact, urgency), now);
        }
    }

    /** Sets the priority by hand; it then no longer follows impact and urgency. */
    public void overridePriority(Priority newPriority, Instant now) {
        ensureEditable();
        if (!priorityOverridden) {
            record("priorityOverridden", "false", "true", now);
        }
        priorityOverridden = true;
        setPriority(newPriority, now);
    }

    /** Lets the priority follow impact × urgency again. */
    public void derivePriority(PriorityMatrix matrix, Instant now) {
        ensureEditable();
        if (priorityOverridden) {
            record("priorityOverridden", "true", "false", now);
        }
        priorityOverridden = false;
        setPriority(matrix.of(impact, urgency), now);
    }

    /**
     * Assigns the ticket to a group and/or a person (null clears). The assignee must belong to the
     * group. A new ticket that gets an assignee becomes assigned; an assigned one that loses it is new again.
     */
    public void assign(UserGroup newGroup, User newAssignee, Instant now) {
        ensureEditable();
        if (newGroup != null && newAssignee != null && !newGroup.hasMember(newAssignee)) {
            throw new InvalidInputException("assignee", "'" + newAssignee.getUsername()
                    + "' is not a member of the group '" + newGroup.getName() + "'");
        }
        if (!sameId(newGroup == null ? null : newGroup.getId(), group == null ? null : group.getId())) {
            record("group", group == null ? null : group.getName(), newGroup == null ? null : newGroup.getName(), now);
            group = newGroup;
        }
        if (!sameId(newAssignee == null ? null : newAssignee.getId(), assignee == null ? null : assignee.getId())) {
            record("assignee", assignee == null ? null : assignee.getUsername(),
                    newAssignee == null ? null : newAssignee.getUsername(), now);
            assignee = newAssignee;
        }
        if (status == TicketStatus.NEW && assignee != null) {
            changeStatus(TicketStatus.ASSIGNED, now);
        } else if (status == TicketStatus.ASSIGNED && assignee == null) {
            changeStatus(TicketStatus.NEW, now);
        }
    }

    /**
     * Moves the ticket along its lifecycle. Resolving needs a resolution note (given here or
     * before); being assigned or in progress needs an assignee; reopening clears the resolution time.
     */
    public void moveTo(TicketStatus target, String resolutionNote, Instant now) {
        if (target == status) {
            if (resolutionNote != null && target == TicketStatus.RESOLVED) {
                setResolution(resolutionNote, now);
            }
            return;
        }
        if (!status.canMoveTo(target)) {
            throw new ConflictException("status", "a ticket that is " + status.code() + " cannot become "
                    + target.code() + "; it can become " + status.successors().stream().map(TicketStatus::code)
                    .collect(Collectors.joining(", ", "", status.successors().isEmpty() ? "nothing (it is final)" : "")));
        }
        if ((target == TicketStatus.ASSIGNED || target == TicketStatus.IN_PROGRESS) && assignee == null) {
            throw new InvalidInputException("assignee", "a ticket must have an assignee to be " + target.code());
        }
        if (resolutionNote != null) {
            setResolution(resolutionNote, now);
        }
        if (target == TicketStatus.RESOLVED && (resolution == null || resolution.isBlank())) {
            throw new InvalidInputException("resolution", "say how the ticket was resolved");
        }
        changeStatus(target, now);
    }

    /** Links exactly these configuration items (their existence is checked by the caller). */
    public void linkCis(Collection<Long> newCiIds, Instant now) {
        ensureEditable();
        Set<Long> target = new TreeSet<>(newCiIds);
        for (Long removed : ciIds.stream().filter(id -> !target.contains(id)).toList()) {
            record("ci", String.valueOf(removed), null, now);
        }
        for (Long added : target.stream().filter(id -> !ciIds.contains(id)).toList()) {
            record("ci", null, String.valueOf(added), now);
        }
        ciIds.clear();
        ciIds.addAll(target);
    }

    /** What the ticket is about (null: not said). */
    public void categorise(TicketCategory newCategory, Instant now) {
        ensureEditable();
        if (newCategory != category) {
            record("category", category == null ? null : category.code(), newCategory == null ? null : newCategory.code(), now);
            category = newCategory;
        }
    }

    /**
     * Until when the requester may reopen the ticket themselves: while it is resolved and the quiet
     * period after which Beacon closes it has not passed. Null when it is not resolved.
     */
    public Instant reopenableUntil(java.time.Duration window) {
        return status == TicketStatus.RESOLVED && resolvedAt != null ? resolvedAt.plus(window) : null;
    }

    /** The requester takes the resolution back: to the assignee's work again, or to the desk's queue. */
    public void reopen(Instant now, java.time.Duration window) {
        Instant until = reopenableUntil(window);
        if (until == null) {
            throw new ConflictException("status", key + " is " + status.code() + ", only a resolved ticket can be reopened")
                    .keyed("problem.ticket.reopenNotResolved", java.util.Map.of("key", key, "status", status.code()));
        }
        if (!now.isBefore(until)) {
            throw new ConflictException("status", "the time to reopen " + key + " ended at " + until + "; open a new ticket")
                    .keyed("problem.ticket.reopenWindowOver", java.util.Map.of("key", key, "until", until.toString()));
        }
        changeStatus(assignee != null ? TicketStatus.IN_PROGRESS : TicketStatus.NEW, now);
    }

    public void setRequester(User newRequester, Instant now) {
        ensureEditable();
        if (!sameId(newRequester == null ? null : newRequester.getId(), requester == null ? null : requester.getId())) {
            record("requester", requester == null ? null : requester.getUsername(),
                    newRequester == null ? null : newRequester.getUsername(), now);
            requester = newRequester;
        }
    }

    /** Adds an e-mail address whose mail on this ticket counts like the requester's. */
    public void addParticipant(String email, Instant now) {
        ensureEditable();
        String address = participantAddress(email);
        if (requester != null && address.equalsIgnoreCase(requester.getEmail())) {
            throw new InvalidInputException("email", address + " is the requester of " + key);
        }
        if (participants.contains(address)) {
            throw new ConflictException("email", address + " is a participant of " + key + " already");
        }
        if (participants.size() >= PARTICIPANTS_MAX) {
            throw new InvalidInputException("email", key + " has " + PARTICIPANTS_MAX + " participants, the most it may have");
        }
        participants.add(address);
        record("participant", null, address, now);
    }

    public void removeParticipant(String email, Instant now) {
        ensureEditable();
        String address = participantAddress(email);
        if (!participants.remove(address)) {
            throw new NotFoundException("participant", address);
        }
        record("participant", address, null, now);
    }

    public boolean hasParticipant(String email) {
        return email != null && participants.contains(email.strip().toLowerCase(Locale.ROOT));
    }

    private static String participantAddress(String email) {
        Validator v = new Validator();
        v.text(email, "email", true, 320);
        v.throwIfInvalid();
        String address = email.strip().toLowerCase(Locale.ROOT);
        if (!User.EMAIL.matcher(address).matches()) {
            throw new InvalidInputException("email", "is not an e-mail address");
        }
        return address;
    }

    /**
     * Closes this ticket as a duplicate of {@code survivor}: whatever its status, it ends closed, its
     * history naming the survivor. The caller moves its comments and files.
     */
    public void mergeInto(Ticket survivor, Instant now) {
        ensureEditable();
        if (survivor == this || (id != null && id.equals(survivor.getId()))) {
            throw new InvalidInputException("into", "a ticket cannot be merged into itself");
        }
        if (survivor.status == TicketStatus.CLOSED) {
            throw new ConflictException("into", survivor.key + " is closed; merge into an open ticket");
        }
        mergedIntoId = survivor.getId();
        record("mergedInto", null, survivor.key, now);
        changeStatus(TicketStatus.CLOSED, now);
    }

    /** The changes made since the last call, for the audit trail. */
    public List<FieldChange> drainChanges() {
        List<FieldChange> out = List.copyOf(pendingChanges);
        pendingChanges.clear();
        return out;
    }

    public boolean isRequestedBy(String username) {
        return requester != null && requester.getUsername().equals(username);
    }

    private void setResolution(String note, Instant now) {
        ensureEditable();
        Validator v = new Validator();
        v.text(note, "resolution", true, RESOLUTION_MAX);
        v.throwIfInvalid();
        String r = note.strip();
        if (!r.equals(resolution)) {
            record("resolution", resolution, r, now);
            resolution = r;
            resolutionKey = null; // a person's resolution is shown as written
            resolutionArgs = null;
        }
    }

    private void setPriority(Priority p, Instant now) {
        if (p != priority) {
            record("priority", priority.code(), p.code(), now);
            priority = p;
        }
    }

    private void changeStatus(TicketStatus target, Instant now) {
        record("status", status.code(), target.code(), now);
        if (target == TicketStatus.RESOLVED) {
            resolvedAt = now;
        } else if (target == TicketStatus.CLOSED) {
            closedAt = now;
        } else if (status == TicketStatus.RESOLVED) {
            resolvedAt = null; // reopened
        }
        status = target;
    }

    private void ensureEditable() {
        if (status == TicketStatus.CLOSED) {
            throw new ConflictException("status", key + " is closed and cannot change; open a follow-up ticket");
        }
    }

    private void record(String field, String oldValue, String newValue, Instant now) {
        pendingChanges.add(new FieldChange(field, oldValue, newValue));
        updatedAt = now;
    }

    private static void validateTitle(Validator v, String title) {
        v.text(title, "title", true, TITLE_MAX);
    }

    private static void validateDescription(Validator v, String description) {
        v.text(description, "description", false, DESCRIPTION_MAX);
    }

    private static boolean sameId(Long a, Long b) {
        return Objects.equals(a, b);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return null;
        }
        return s.length() <= 200 ? s : s.substring(0, 199) + "…";
    }

    // ---- reading ----

    public Long getId() {
        return id;
    }

    public String getKey() {
        return key;
    }

    public TicketType getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public String getTitleKey() {
        return titleKey;
    }

    public Map<String, String> getTitleArgs() {
        return titleKey == null ? null : SystemText.parseArgs(titleArgs);
    }

    public String getResolutionKey() {
        return resolutionKey;
    }

    public Map<String, String> getResolutionArgs() {
        return resolutionKey == null ? null : SystemText.parseArgs(resolutionArgs);
    }

    public String getDescriptionKey() {
        return descriptionKey;
    }

    public Map<String, String> getDescriptionArgs() {
        return descriptionKey == null ? null : SystemText.parseArgs(descriptionArgs);
    }

    public String getDescription() {
        return description;
    }

    public TicketStatus getStatus() {
        return status;
    }

    public Level getImpact() {
        return impact;
    }

    public Level getUrgency() {
        return urgency;
    }

    public Priority getPriority() {
        return priority;
    }

    public TicketCategory getCategory() {
        return category;
    }

    public boolean isPriorityOverridden() {
        return priorityOverridden;
    }

    public User getRequester() {
        return requester;
    }

    public UserGroup getGroup() {
        return group;
    }

    public User getAssignee() {
        return assignee;
    }

    public String getResolution() {
        return resolution;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public Set<Long> getCiIds() {
        return Set.copyOf(ciIds);
    }

    /** The participants' addresses, sorted. */
    public List<String> getParticipants() {
        return participants.stream().sorted().toList();
    }

    public Long getMergedIntoId() {
        return mergedIntoId;
    }

    public long getVersion() {
        return version;
    }
}
