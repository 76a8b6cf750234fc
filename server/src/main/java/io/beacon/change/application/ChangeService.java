package io.beacon.change.application;

import io.beacon.change.domain.ApprovalRounds;
import io.beacon.change.domain.ApproverSubstitute;
import io.beacon.change.domain.Change;
import io.beacon.change.domain.ChangeApproval;
import io.beacon.change.domain.ChangeConflict;
import io.beacon.change.domain.ChangeEdit;
import io.beacon.change.domain.ChangeHistoryEntry;
import io.beacon.change.domain.ChangeOutcome;
import io.beacon.change.domain.ChangeTemplate;
import io.beacon.change.domain.ChangeTemplates;
import io.beacon.change.domain.ChangeStatus;
import io.beacon.change.domain.ChangeType;
import io.beacon.change.domain.Changes;
import io.beacon.change.domain.ConflictDetector;
import io.beacon.change.domain.Decision;
import io.beacon.change.domain.Risk;
import io.beacon.cmdb.application.CiReferences;
import io.beacon.cmdb.domain.CiRelations;
import io.beacon.cmdb.domain.ConfigurationItems;
import io.beacon.cmdb.domain.Reach;
import io.beacon.cmdb.domain.Topology;
import io.beacon.correlation.domain.MaintenanceWindow;
import io.beacon.correlation.domain.MaintenanceWindows;
import io.beacon.identity.domain.Users;
import io.beacon.change.ChangeSettings;
import io.beacon.platform.domain.AccessDeniedException;
import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.ConflictException;
import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.NotFoundException;
import io.beacon.platform.domain.Role;
import io.beacon.platform.domain.StaleVersionException;
import io.beacon.platform.domain.SystemText;
import io.beacon.platform.domain.Validator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the change record: creation, edits, decisions, status steps. The flow (which step comes
 * next) belongs to the change process; this service is what its steps call.
 */
@ApplicationScoped
@Transactional
public class ChangeService {
    static final int MAX_CIS = 500;
    /** How far the topology walk looks for related CIs when checking conflicts. */
    static final int CONFLICT_DEPTH = 3;
    static final int NOTE_MAX = 4000;
    /** The history field of a step's note: old value the step (implementing, review, closed), new value the note. */
    public static final String STEP_NOTE = "stepNote";

    @Inject
    CiReferences ciReferences;

    @Inject
    Changes changes;

    @Inject
    ChangeTemplates templates;

    @Inject
    MaintenanceWindows maintenanceWindows;

    @Inject
    ConfigurationItems cis;

    @Inject
    CiRelations relations;

    @Inject
    Users users;

    @Inject
    ChangeProcess process;

    @Inject
    ChangeSettings settings;

    @Inject
    Clock clock;

    @Inject
    Event<ChangeStatusChanged> statusChanged;

    @Inject
    Event<ApprovalRestarted> approvalRestarted;

    public Change create(Actor actor, NewChange in) {
        if (!mayRequest(actor)) {
            throw new AccessDeniedException("only agents, approvers and admins request changes");
        }
        ChangeTemplate template = null;
        if (in.templateId() != null) {
            template = templates.byId(in.templateId())
                    .orElseThrow(() -> new InvalidInputException("templateId", "no standard-change template "
                            + in.templateId()));
            if (in.type() != null && ChangeType.fromCode("type", in.type()) != ChangeType.STANDARD) {
                throw new InvalidInputException("type", "a change raised from a template is a standard change");
            }
        }
        String title = in.title() == null && template != null ? template.getName() : in.title();
        String typeCode = template != null ? ChangeType.STANDARD.code() : in.type();
        String implementationPlan = or(in.implementationPlan(), template == null ? null : template.getImplementationPlan());
        String backoutPlan = or(in.backoutPlan(), template == null ? null : template.getBackoutPlan());
        String testPlan = or(in.testPlan(), template == null ? null : template.getTestPlan());
        String description = or(in.description(), template == null ? null : template.getDescription());
        Validator v = new Validator();
        v.require(typeCode != null, "type", "must be standard, normal or emergency");
        v.text(title, "title", true, Change.TITLE_MAX);
        v.text(description, "description", false, Change.TEXT_MAX);
        v.text(implementationPlan, "implementationPlan", false, Change.TEXT_MAX);
        v.text(backoutPlan, "backoutPlan", false, Change.TEXT_MAX);
        v.text(testPlan, "testPlan", false, Change.TEXT_MAX);
        v.require(in.plannedStart() != null, "plannedStart", "is required (ISO-8601)");
        v.require(in.plannedEnd() != null, "plannedEnd", "is required (ISO-8601)");
        v.throwIfInvalid();
        ChangeType type = ChangeType.fromCode("type", typeCode);
        Risk risk = in.risk() != null ? Risk.fromCode("risk", in.risk())
                : template != null ? template.getRisk() : type == ChangeType.STANDARD ? Risk.LOW : Risk.MEDIUM;
        String implementer = in.implementer() == null ? null : knownUser("implementer", in.implementer());
        Instant now = clock.instant();
        if (in.plannedEnd().isAfter(in.plannedStart())) {
            Change.checkNotPast(in.plannedStart(), in.plannedEnd(), now, true);
        }
        List<Long> ciIds = in.ciIds() == null && template != null ? List.copyOf(template.getCiIds()) : in.ciIds();
        Change change = new Change(changes.nextNumber(), type, title, description, risk, in.plannedStart(),
                in.plannedEnd(), implementationPlan, backoutPlan, actor.username(), implementer,
                checkedCis(ciIds), now);
        change.planTests(testPlan, now);
        if (template != null) {
            change.raisedFrom(template.getId());
        }
        change.drainEdits();
        changes.add(change);
        changes.addHistory(List.of(new ChangeHistoryEntry(change.getId(), actor.username(), now,
                new ChangeEdit("created", null, change.getKey()))));
        if (template != null) {
            changes.addHistory(List.of(new ChangeHistoryEntry(change.getId(), actor.username(), now,
                    new ChangeEdit("template", null, template.getName()))));
        }
        changes.flush();
        statusChanged.fire(event(change, null, actor.username(), now));
        process.start(change);
        return change;
    }

    /**
     * What a planned window on these CIs would run into (approved changes on them or related CIs, freeze
     * windows, maintenance windows), before the change exists: the new-change form shows it while typing.
     */
    public ConflictPreview preview(Actor actor, List<Long> ciIds, Instant start, Instant end) {
        if (!mayRequest(actor)) {
            throw new AccessDeniedException("only agents, approvers and admins request changes");
        }
        if (start == null || end == null) {
            throw new InvalidInputException(start == null ? "plannedStart" : "plannedEnd", "is required (ISO-8601)");
        }
        Change draft = new Change(0, ChangeType.NORMAL, "draft", null, Risk.MEDIUM, start, end, null, null,
                actor.username(), null, checkedCis(ciIds == null ? List.of() : ciIds), clock.instant());
        return new ConflictPreview(conflictsOf(draft));
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }

    /**
     * A merge-patch. While the change awaits approval only its requester or an admin may edit it, and an
     * edit of what was approved ({@link Change#APPROVED_FIELDS}) withdraws the decisions so far and starts
     * approval again (the process does, see {@link ChangeProcess#revise}); once approved it is frozen.
     */
    public Change edit(Actor actor, String idOrKey, ChangeEdits in) {
        Change change = find(idOrKey);
        if (!mayRequest(actor)) {
            throw new AccessDeniedException("only agents, approvers and admins change changes");
        }
        if (in.expectedVersion() != null && in.expectedVersion() != change.getVersion()) {
            throw new StaleVersionException(change.getKey(), in.expectedVersion(), change.getVersion());
        }
        Instant now = clock.instant();
        boolean content = in.type() != null || in.title() != null || in.description() != null || in.risk() != null
                || in.ciIds() != null || in.plannedStart() != null || in.plannedEnd() != null
                || in.implementationPlan() != null || in.backoutPlan() != null || in.testPlan() != null
                || in.implementer() != null;
        if (content) {
            change.ensureEditable();
            change.ensureMayEdit(actor.username(), actor.has(Role.ADMIN));
            Validator v = new Validator();
            if (in.title() != null) {
                v.text(in.title(), "title", true, Change.TITLE_MAX);
            }
            v.text(in.description(), "description", false, Change.TEXT_MAX);
            v.text(in.implementationPlan(), "implementationPlan", false, Change.TEXT_MAX);
            v.text(in.backoutPlan(), "backoutPlan", false, Change.TEXT_MAX);
            v.text(in.testPlan(), "testPlan", false, Change.TEXT_MAX);
            v.throwIfInvalid();
            if (in.type() != null) {
                change.retype(ChangeType.fromCode("type", in.type()), now);
            }
            if (in.title() != null) {
                change.rename(in.title(), now);
            }
            if (in.description() != null) {
                change.describe(in.description(), now);
            }
            if (in.risk() != null) {
                change.rate(Risk.fromCode("risk", in.risk()), now);
            }
            if (in.plannedStart() != null || in.plannedEnd() != null) {
                Instant start = in.plannedStart() != null ? in.plannedStart() : change.getPlannedStart();
                Instant end = in.plannedEnd() != null ? in.plannedEnd() : change.getPlannedEnd();
                change.reschedule(start, end, now);
                Change.checkNotPast(start, end, now, false);
            }
            if (in.ciIds() != null) {
                change.linkCis(checkedCis(in.ciIds()), now);
            }
            change.plan(in.implementationPlan(), in.backoutPlan(), now);
            change.planTests(in.testPlan(), now);
            if (in.implementer() != null) {
                change.assignImplementer(knownUser("implementer", in.implementer()), now);
            }
            change.flagConflicts(conflictsOf(change), now);
        }
        List<ChangeEdit> edits = audit(change, actor.username(), now);
        if (change.getStatus() == ChangeStatus.APPROVAL && Change.revisesApproval(edits)) {
            changes.flush(); // the process re-reads the revised change (risk, CIs, implementer) for the new round
            process.revise(change, actor.username());
        }
        if (in.status() != null) {
            ChangeStatus target = ChangeStatus.fromCode("status", in.status());
            if (target == ChangeStatus.CANCELLED) {
                cancel(actor, change, in.reason(), now);
            } else if (target != change.getStatus()) {
                step(actor, change, target, in.note(), in.outcome(), now);
            }
        } else if (in.note() != null || in.outcome() != null) {
            throw new InvalidInputException(in.note() != null ? "note" : "outcome",
                    "goes with a status step (implementing, review, closed)");
        }
        changes.flush();
        return change;
    }

    /**
     * One step after approval (implementing, review, closed), completed with a note; closing records the
     * outcome (successful, failed, backed_out), and a failed or backed-out change says why in the note.
     * The outcome is recorded before the step so that the process reads it on its way to the end.
     */
    private void step(Actor actor, Change change, ChangeStatus target, String note, String outcome, Instant now) {
        if (note != null && note.length() > NOTE_MAX) {
            throw new InvalidInputException("note", "must be at most " + NOTE_MAX + " characters");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (target == ChangeStatus.CLOSED) {
            if (outcome == null || outcome.isBlank()) {
                throw new InvalidInputException("outcome", "is required to close a change: successful, failed or"
                        + " backed_out");
            }
            ChangeOutcome result = ChangeOutcome.fromCode("outcome", outcome);
            if (result != ChangeOutcome.SUCCESSFUL && text == null) {
                throw new InvalidInputException("note", "a " + result.code().replace('_', ' ')
                        + " change needs a note saying what happened");
            }
            if (change.getStatus() == ChangeStatus.REVIEW) {
                change.recordOutcome(result, now);
                audit(change, actor.username(), now);
                changes.flush();
            }
        } else if (outcome != null) {
            throw new InvalidInputException("outcome", "is recorded when the change closes");
        }
        if (text != null) {
            changes.addHistory(List.of(new ChangeHistoryEntry(change.getId(), actor.username(), now,
                    new ChangeEdit(STEP_NOTE, target.code(), text))));
        }
        process.advance(change, target, actor);
    }

    private void cancel(Actor actor, Change change, String reason, Instant now) {
        if (!actor.username().equals(change.getRequester()) && !actor.has(Role.ADMIN) && !actor.has(Role.APPROVER)) {
            throw new AccessDeniedException("only the requester, an approver or an admin cancels " + change.getKey());
        }
        String from = change.getStatus().code();
        change.moveTo(ChangeStatus.CANCELLED, reason == null ? "cancelled by " + actor.username() : reason, now);
        audit(change, actor.username(), now);
        process.cancel(change, reason);
        statusChanged.fire(event(change, from, actor.username(), now));
    }

    // --- the steps the change process calls -------------------------------------------------

    /** The process moves the change on (scheduled, implementing, review, closed, rejected). */
    public Change moveTo(long changeId, ChangeStatus target, String reason, String actor) {
        Change change = byId(changeId);
        if (change.getStatus() == target) {
            return change;
        }
        Instant now = clock.instant();
        String from = change.getStatus().code();
        change.moveTo(target, reason, now);
        if (target == ChangeStatus.CLOSED && change.getOutcome() == null) {
            change.recordOutcome(ChangeOutcome.SUCCESSFUL, now); // closed from the task inbox, which asks no outcome
        }
        audit(change, actor, now);
        statusChanged.fire(event(change, from, actor, now));
        return change;
    }

    /** Risk assessment: flags conflicts for the approvers and hands the change to them. */
    public Change assess(long changeId) {
        Change change = byId(changeId);
        change.flagConflicts(conflictsOf(change), clock.instant());
        return change;
    }

    /**
     * Records an approver's decision, after the four-eyes check. {@code approver} is who decided,
     * {@code onBehalfOf} the approver whose seat they took (a substitute), or null.
     */
    public ChangeApproval decide(long changeId, String approver, String onBehalfOf, boolean approved, String comment) {
        Change change = byId(changeId);
        change.ensureMayApprove(approver);
        if (ApprovalRounds.revisers(changes.history(change.getId())).contains(approver.toLowerCase(Locale.ROOT))) {
            throw new AccessDeniedException("four eyes: " + approver + " revised " + change.getKey()
                    + " and cannot approve it");
        }
        if (users.byUsername(approver).filter(ApproverPool::mayDecide).isEmpty()) {
            throw new AccessDeniedException(approver + " does not hold the approver role and cannot decide "
                    + change.getKey() + (onBehalfOf == null || onBehalfOf.equals(approver) ? ""
                            : ", not even as " + onBehalfOf + "'s substitute"));
        }
        if (change.getStatus() != ChangeStatus.APPROVAL) {
            throw new ConflictException("status", change.getKey() + " is " + change.getStatus().code()
                    + " and awaits no decision");
        }
        if (approved && change.windowPassed(clock.instant())) {
            throw new InvalidInputException("plannedEnd", change.getKey() + "'s window ended at "
                    + change.getPlannedEnd() + ": it cannot be approved for a time that is over. Reject it, or ask"
                    + " the requester to reschedule it (a new window starts approval again)");
        }
        if (comment != null && comment.length() > ChangeApproval.COMMENT_MAX) {
            throw new InvalidInputException("comment", "must be at most " + ChangeApproval.COMMENT_MAX + " characters");
        }
        if (!approved && (comment == null || comment.isBlank())) {
            throw new InvalidInputException("comment", "a rejection needs a reason");
        }
        Instant now = clock.instant();
        ChangeApproval decision = changes.addApproval(new ChangeApproval(change.getId(), approver,
                approver.equals(onBehalfOf) ? null : onBehalfOf, approved ? Decision.APPROVED : Decision.REJECTED,
                comment, now));
        changes.addHistory(List.of(new ChangeHistoryEntry(change.getId(), approver, now, new ChangeEdit("approval",
                null, decision.getDecision().code() + (decision.getOnBehalfOf() == null ? ""
                        : " (for " + decision.getOnBehalfOf() + ")")))));
        return decision;
    }

    /** The reasons of the rejections, for the status reason of a rejected change. */
    public String rejectionReason(long changeId) {
        return changes.approvals(changeId).stream().filter(a -> !a.isWithdrawn())
                .filter(a -> a.getDecision() == Decision.REJECTED)
                .map(a -> a.getApprover() + ": " + a.getComment()).reduce((a, b) -> a + "; " + b)
                .orElse("no eligible approver");
    }

    /**
     * The process starts approval again after {@code revisedBy} edited what was approved: the decisions
     * given so far are withdrawn (kept, marked), and the history says which and that a new round starts.
     */
    public void restartApproval(long changeId, String revisedBy) {
        Change change = byId(changeId);
        Instant now = clock.instant();
        List<ChangeApproval> standing = changes.approvals(change.getId()).stream().filter(a -> !a.isWithdrawn())
                .toList();
        standing.forEach(a -> a.withdraw(now));
        int round = ApprovalRounds.current(changes.history(change.getId())) + 1;
        String withdrawn = standing.isEmpty() ? null
                : "withdrawn: " + String.join("; ", standing.stream().map(ChangeApproval::summary).toList());
        changes.addHistory(List.of(new ChangeHistoryEntry(change.getId(),
                revisedBy == null ? Actor.SYSTEM.username() : revisedBy, now,
                new ChangeEdit(ApprovalRounds.RESTARTED, withdrawn, "round " + round))));
        approvalRestarted.fire(new ApprovalRestarted(change.getId(), change.getKey(), round));
    }

    /** An audit line for something the process did (a reminder, an escalation). */
    public void note(long changeId, String field, String text) {
        changes.addHistory(List.of(new ChangeHistoryEntry(changeId, Actor.SYSTEM.username(), clock.instant(),
                new ChangeEdit(field, null, text))));
    }

    public ApproverSubstitute nameSubstitute(Actor actor, String approver, String substitute, Instant from,
            Instant until) {
        String who = approver == null ? actor.username() : approver;
        if (!who.equals(actor.username()) && !actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("only admins name substitutes for someone else");
        }
        knownUser("approver", who);
        knownUser("substitute", substitute);
        // Checked here so that nobody is named in vain, and again at every decision (roles change).
        if (users.byUsername(substitute.strip()).filter(ApproverPool::mayDecide).isEmpty()) {
            throw new InvalidInputException("substitute", substitute + " does not hold the approver role;"
                    + " only approvers decide changes, also as substitutes");
        }
        return changes.addSubstitute(new ApproverSubstitute(who, substitute, from == null ? clock.instant() : from,
                until, clock.instant()));
    }

    public Change find(String idOrKey) {
        String s = idOrKey == null ? "" : idOrKey.strip();
        var found = s.chars().allMatch(Character::isDigit) && !s.isEmpty() && s.length() < 19
                ? changes.byId(Long.parseLong(s)) : changes.byKey(s.toUpperCase(Locale.ROOT));
        return found.orElseThrow(() -> new NotFoundException("change", idOrKey));
    }

    Change byId(long id) {
        return changes.byId(id).orElseThrow(() -> new NotFoundException("change", String.valueOf(id)));
    }

    List<ChangeConflict> conflictsOf(Change change) {
        Set<Long> own = change.getCiIds();
        Map<Long, Set<Long>> related = new HashMap<>();
        Set<Long> all = new HashSet<>(own);
        for (Long ci : own) {
            Set<Long> near = new LinkedHashSet<>();
            Topology.walk(ci, Topology.Direction.DEPENDENCIES, relations::edgesFrom, CONFLICT_DEPTH)
                    .stream().map(Reach::id).forEach(near::add);
            Topology.walk(ci, Topology.Direction.DEPENDANTS, relations::edgesInto, CONFLICT_DEPTH)
                    .stream().map(Reach::id).forEach(near::add);
            related.put(ci, near);
            all.addAll(near);
        }
        var candidates = all.isEmpty() ? List.<Change>of()
                : changes.approvedOn(all, change.getPlannedStart(), change.getPlannedEnd());
        List<ChangeConflict> out = new ArrayList<>(ConflictDetector.find(change, related, candidates,
                settings.freezeWindows(), cis.namesOf(all)));
        if (maintenanceWindows != null) {
            Set<Long> seen = new HashSet<>();
            for (Long ci : own) {
                for (MaintenanceWindow w : maintenanceWindows.all(ci)) {
                    if (seen.add(w.getId())
                            && !w.occurrences(change.getPlannedStart(), change.getPlannedEnd()).isEmpty()) {
                        String ciName = cis.namesOf(Set.of(ci)).getOrDefault(ci, "CI " + ci);
                        out.add(new ChangeConflict(ChangeConflict.MAINTENANCE, w.ref(), SystemText.of("sys.conflict.maintenance",
                                "the maintenance window '" + w.getReason() + "' covers " + ciName + " in this window",
                                "window", w.getReason(), "ci", ciName)));
                    }
                }
            }
        }
        return out;
    }

    private List<ChangeEdit> audit(Change change, String actor, Instant now) {
        List<ChangeEdit> edits = change.drainEdits();
        if (!edits.isEmpty()) {
            changes.addHistory(edits.stream().map(e -> new ChangeHistoryEntry(change.getId(), actor, now, e)).toList());
        }
        return edits;
    }

    private ChangeStatusChanged event(Change c, String from, String actor, Instant now) {
        return new ChangeStatusChanged(c.getId(), c.getKey(), from, c.getStatus().code(), c.getCiIds(),
                c.getPlannedStart(), c.getPlannedEnd(), actor, now);
    }

    private String knownUser(String field, String username) {
        return users.byUsername(username.strip()).map(u -> u.getUsername())
                .orElseThrow(() -> new InvalidInputException(field, "no user named '" + username + "'"));
    }

    private Set<Long> checkedCis(List<Long> ids) {
        return ciReferences.checked(ids, MAX_CIS);
    }

    static boolean mayRequest(Actor actor) {
        return actor.has(Role.AGENT) || actor.has(Role.APPROVER) || actor.has(Role.ADMIN);
    }
}
