package io.beacon.change.application;

import io.beacon.change.domain.ApprovalRounds;
import io.beacon.change.domain.ApproverSubstitute;
import io.beacon.change.domain.Change;
import io.beacon.change.domain.ChangeApproval;
import io.beacon.change.domain.ChangeConflict;
import io.beacon.change.domain.ChangeEdit;
import io.beacon.change.domain.ChangeHistoryEntry;
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
import io.beacon.identity.domain.Users;
import io.beacon.change.ChangeSettings;
import io.beacon.platform.domain.AccessDeniedException;
import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.ConflictException;
import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.NotFoundException;
import io.beacon.platform.domain.Role;
import io.beacon.platform.domain.StaleVersionException;
import io.beacon.platform.domain.Validator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
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

    @Inject
    CiReferences ciReferences;

    @Inject
    Changes changes;

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
        Validator v = new Validator();
        v.require(in.type() != null, "type", "must be standard, normal or emergency");
        v.text(in.title(), "title", true, Change.TITLE_MAX);
        v.text(in.description(), "description", false, Change.TEXT_MAX);
        v.text(in.implementationPlan(), "implementationPlan", false, Change.TEXT_MAX);
        v.text(in.backoutPlan(), "backoutPlan", false, Change.TEXT_MAX);
        v.require(in.plannedStart() != null, "plannedStart", "is required (ISO-8601)");
        v.require(in.plannedEnd() != null, "plannedEnd", "is required (ISO-8601)");
        v.throwIfInvalid();
        ChangeType type = ChangeType.fromCode("type", in.type());
        Risk risk = in.risk() == null ? (type == ChangeType.STANDARD ? Risk.LOW : Risk.MEDIUM)
                : Risk.fromCode("risk", in.risk());
        String implementer = in.implementer() == null ? null : knownUser("implementer", in.implementer());
        Instant now = clock.instant();
        Change change = new Change(changes.nextNumber(), type, in.title(), in.description(), risk, in.plannedStart(),
                in.plannedEnd(), in.implementationPlan(), in.backoutPlan(), actor.username(), implementer,
                checkedCis(in.ciIds()), now);
        change.drainEdits();
        changes.add(change);
        changes.addHistory(List.of(new ChangeHistoryEntry(change.getId(), actor.username(), now,
                new ChangeEdit("created", null, change.getKey()))));
        changes.flush();
        statusChanged.fire(event(change, null, actor.username(), now));
        process.start(change);
        return change;
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
                || in.implementationPlan() != null || in.backoutPlan() != null || in.implementer() != null;
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
                change.reschedule(in.plannedStart() != null ? in.plannedStart() : change.getPlannedStart(),
                        in.plannedEnd() != null ? in.plannedEnd() : change.getPlannedEnd(), now);
            }
            if (in.ciIds() != null) {
                change.linkCis(checkedCis(in.ciIds()), now);
            }
            change.plan(in.implementationPlan(), in.backoutPlan(), now);
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
                process.advance(change, target, actor);
            }
        }
        changes.flush();
        return change;
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
        return ConflictDetector.find(change, related, candidates, settings.freezeWindows(), cis.namesOf(all));
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
