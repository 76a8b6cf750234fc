package io.beacon.change.domain;

import io.beacon.platform.domain.AccessDeniedException;
import io.beacon.platform.domain.ConflictException;
import io.beacon.platform.domain.InvalidInputException;
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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A change request {@code CHG-n}: what will be done to which CIs, when, how to undo it, and where it stands. */
@Entity
@Table(name = "change_request")
public class Change {
    public static final String PREFIX = "CHG-";
    public static final int TITLE_MAX = 300;
    public static final int TEXT_MAX = 100_000;
    /**
     * What the approvers approve. An edit of any of these while the change awaits approval withdraws the
     * decisions so far and starts approval again; once approved they are frozen (a new change is needed).
     * The title and description only name and explain the change; the test plan (how the implementer proves
     * the change worked) is approved with the implementation and backout plans.
     */
    public static final Set<String> APPROVED_FIELDS = Set.of("type", "risk", "plannedStart", "plannedEnd", "ciIds",
            "implementationPlan", "backoutPlan", "testPlan", "implementer");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "change_request_seq")
    @SequenceGenerator(name = "change_request_seq", sequenceName = "change_request_seq", allocationSize = 50)
    private Long id;

    @Column(name = "change_key", nullable = false, unique = true, length = 24)
    private String key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ChangeType type;

    @Column(nullable = false, length = TITLE_MAX)
    private String title;

    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ChangeStatus status;

    @Column(name = "status_reason", length = 2000)
    private String statusReason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Risk risk;

    @Column(name = "planned_start", nullable = false)
    private Instant plannedStart;

    @Column(name = "planned_end", nullable = false)
    private Instant plannedEnd;

    @Column(name = "implementation_plan")
    private String implementationPlan;

    @Column(name = "backout_plan")
    private String backoutPlan;

    @Column(name = "test_plan")
    private String testPlan;

    /** Set when the change closes: successful, failed or backed out. */
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private ChangeOutcome outcome;

    /** The standard-change template it was raised from, if any. */
    @Column(name = "template_id")
    private Long templateId;

    @Column(nullable = false, length = 64)
    private String requester;

    @Column(length = 64)
    private String implementer;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "change_ci", joinColumns = @JoinColumn(name = "change_id"))
    @Column(name = "ci_id")
    private Set<Long> ciIds = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "change_conflict", joinColumns = @JoinColumn(name = "change_id"))
    @OrderColumn(name = "position")
    private List<ChangeConflict> conflicts = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    private transient List<ChangeEdit> edits = new ArrayList<>();

    protected Change() {}

    public Change(long number, ChangeType type, String title, String description, Risk risk, Instant plannedStart,
            Instant plannedEnd, String implementationPlan, String backoutPlan, String requester, String implementer,
            Set<Long> ciIds, Instant now) {
        checkWindow(plannedStart, plannedEnd);
        this.key = PREFIX + number;
        this.type = Objects.requireNonNull(type);
        this.title = title.strip();
        this.description = description;
        this.risk = risk;
        this.plannedStart = plannedStart;
        this.plannedEnd = plannedEnd;
        this.implementationPlan = implementationPlan;
        this.backoutPlan = backoutPlan;
        this.requester = requester;
        this.implementer = implementer;
        this.ciIds.addAll(ciIds);
        this.status = ChangeStatus.ASSESSMENT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    static void checkWindow(Instant start, Instant end) {
        if (start == null || end == null) {
            throw new InvalidInputException(start == null ? "plannedStart" : "plannedEnd", "is required (ISO-8601)");
        }
        if (!end.isAfter(start)) {
            throw new InvalidInputException("plannedEnd", "must be after plannedStart");
        }
    }

    /**
     * How long before now a new change may start: the minutes it takes to fill in the form after choosing "now"
     * (and a standard change raised as its work begins).
     */
    public static final java.time.Duration START_GRACE = java.time.Duration.ofMinutes(5);

    /**
     * A window the change can still keep: it must not have ended already, and a new change must not start in
     * the past either (beyond {@link #START_GRACE}; a rescheduled window that started a moment ago may still
     * run). 422 naming the field.
     */
    public static void checkNotPast(Instant start, Instant end, Instant now, boolean newChange) {
        if (end != null && !end.isAfter(now)) {
            throw new InvalidInputException("plannedEnd", "lies in the past (" + end + "); plan a window that ends"
                    + " after now");
        }
        if (newChange && start != null && start.isBefore(now.minus(START_GRACE))) {
            throw new InvalidInputException("plannedStart", "lies in the past (" + start + "); plan a window that"
                    + " starts from now on");
        }
    }

    /** Whether the planned window is over: too late to approve the change as it is (it must be rescheduled). */
    public boolean windowPassed(Instant now) {
        return !plannedEnd.isAfter(now);
    }

    /** The process moves the change; a step the lifecycle does not allow is a conflict (409). */
    public void moveTo(ChangeStatus target, String reason, Instant now) {
        if (target == status) {
            return;
        }
        if (!status.canMoveTo(target)) {
            throw new ConflictException("status", key + " cannot go from " + status.code() + " to " + target.code());
        }
        edit("status", status.code(), target.code(), now);
        status = target;
        statusReason = reason;
    }

    /**
     * Four eyes: whoever asked for or carries out the change never approves it, not even as someone's
     * substitute.
     */
    public void ensureMayApprove(String username) {
        if (username.equalsIgnoreCase(requester)) {
            throw new AccessDeniedException("four eyes: " + username + " requested " + key + " and cannot approve it");
        }
        if (username.equalsIgnoreCase(implementer)) {
            throw new AccessDeniedException("four eyes: " + username + " implements " + key + " and cannot approve it");
        }
    }

    public boolean mayBeApprovedBy(String username) {
        return !username.equalsIgnoreCase(requester) && !username.equalsIgnoreCase(implementer);
    }

    /**
     * Plans and window may change until the change is approved; afterwards what was approved stays as it
     * was approved (a 409: cancel it and raise a new change).
     */
    public void ensureEditable() {
        if (!awaitsApproval()) {
            throw new ConflictException("status", key + " is " + status.code()
                    + " and can no longer be edited: it was approved as it is (cancel it and raise a new change)");
        }
    }

    /** Four eyes: while the change awaits approval, nobody but its requester or an admin rewrites it. */
    public void ensureMayEdit(String username, boolean admin) {
        if (awaitsApproval() && !admin && !username.equalsIgnoreCase(requester)) {
            throw new AccessDeniedException("four eyes: " + key + " awaits approval; only its requester ("
                    + requester + ") or an admin may edit it");
        }
    }

    public boolean awaitsApproval() {
        return status == ChangeStatus.ASSESSMENT || status == ChangeStatus.APPROVAL;
    }

    /** Whether these edits touch what the approvers approve (and so withdraw their decisions). */
    public static boolean revisesApproval(List<ChangeEdit> edits) {
        return edits.stream().anyMatch(e -> APPROVED_FIELDS.contains(e.field()));
    }

    public void rename(String title, Instant now) {
        edit("title", this.title, title.strip(), now);
        this.title = title.strip();
    }

    public void describe(String description, Instant now) {
        edit("description", this.description, description, now);
        this.description = description;
    }

    /** Normal and emergency may swap; a standard change is pre-approved, and nothing becomes one by an edit. */
    public void retype(ChangeType type, Instant now) {
        if (type != this.type && (type == ChangeType.STANDARD || this.type == ChangeType.STANDARD)) {
            throw new InvalidInputException("type", "a " + this.type.code() + " change cannot become " + type.code()
                    + ": standard changes are pre-approved (raise a new change instead)");
        }
        edit("type", this.type.code(), type.code(), now);
        this.type = type;
    }

    public void reschedule(Instant start, Instant end, Instant now) {
        checkWindow(start, end);
        edit("plannedStart", String.valueOf(plannedStart), String.valueOf(start), now);
        edit("plannedEnd", String.valueOf(plannedEnd), String.valueOf(end), now);
        this.plannedStart = start;
        this.plannedEnd = end;
    }

    public void rate(Risk risk, Instant now) {
        edit("risk", this.risk.code(), risk.code(), now);
        this.risk = risk;
    }

    public void plan(String implementationPlan, String backoutPlan, Instant now) {
        if (implementationPlan != null) {
            edit("implementationPlan", this.implementationPlan, implementationPlan, now);
            this.implementationPlan = implementationPlan;
        }
        if (backoutPlan != null) {
            edit("backoutPlan", this.backoutPlan, backoutPlan, now);
            this.backoutPlan = backoutPlan;
        }
    }

    public void planTests(String testPlan, Instant now) {
        if (testPlan != null) {
            edit("testPlan", this.testPlan, testPlan, now);
            this.testPlan = testPlan;
        }
    }

    /** Raised from a catalogue template (a standard change). */
    public void raisedFrom(long templateId) {
        this.templateId = templateId;
    }

    /** Records how the change ended; only as it closes. */
    public void recordOutcome(ChangeOutcome outcome, Instant now) {
        edit("outcome", this.outcome == null ? null : this.outcome.code(), outcome.code(), now);
        this.outcome = outcome;
    }

    public void assignImplementer(String implementer, Instant now) {
        edit("implementer", this.implementer, implementer, now);
        this.implementer = implementer;
    }

    public void linkCis(Set<Long> ids, Instant now) {
        if (!ciIds.equals(ids)) {
            edit("ciIds", ciIds.stream().sorted().toList().toString(), ids.stream().sorted().toList().toString(), now);
            ciIds.clear();
            ciIds.addAll(ids);
        }
    }

    public void flagConflicts(List<ChangeConflict> found, Instant now) {
        conflicts.clear();
        conflicts.addAll(found);
        updatedAt = now;
    }

    /** The audit lines of the edits since the last drain. */
    public List<ChangeEdit> drainEdits() {
        List<ChangeEdit> out = List.copyOf(edits);
        edits.clear();
        return out;
    }

    /** Overlaps [from, to) — the change calendar's window query. */
    public boolean overlaps(Instant from, Instant to) {
        return plannedStart.isBefore(to) && plannedEnd.isAfter(from);
    }

    private void edit(String field, String oldValue, String newValue, Instant now) {
        if (!Objects.equals(oldValue, newValue)) {
            if (edits == null) {
                edits = new ArrayList<>();
            }
            edits.add(new ChangeEdit(field, oldValue, newValue));
        }
        updatedAt = now;
    }

    public Long getId() { return id; }
    public String getKey() { return key; }
    public ChangeType getType() { return type; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public ChangeStatus getStatus() { return status; }
    public String getStatusReason() { return statusReason; }
    public Risk getRisk() { return risk; }
    public Instant getPlannedStart() { return plannedStart; }
    public Instant getPlannedEnd() { return plannedEnd; }
    public String getImplementationPlan() { return implementationPlan; }
    public String getBackoutPlan() { return backoutPlan; }
    public String getTestPlan() { return testPlan; }
    public ChangeOutcome getOutcome() { return outcome; }
    public Long getTemplateId() { return templateId; }
    public String getRequester() { return requester; }
    public String getImplementer() { return implementer; }
    public Set<Long> getCiIds() { return Set.copyOf(ciIds); }
    public List<ChangeConflict> getConflicts() { return List.copyOf(conflicts); }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
