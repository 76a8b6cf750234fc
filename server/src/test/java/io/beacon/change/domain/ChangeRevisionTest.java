package io.beacon.change.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beacon.platform.domain.AccessDeniedException;
import io.beacon.platform.domain.ConflictException;
import io.beacon.platform.domain.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Four eyes across edits: who may edit a change under approval, and which edits withdraw the decisions. */
class ChangeRevisionTest {
    private static final Instant T0 = Instant.parse("2026-11-25T01:00:00Z");

    private static Change underApproval() {
        Change change = new Change(7, ChangeType.NORMAL, "DB 패치", "월간 패치", Risk.MEDIUM, T0.plusSeconds(86400),
                T0.plusSeconds(90000), "apply, reboot", "restore snapshot", "kim", "lee", Set.of(3L), T0);
        change.moveTo(ChangeStatus.APPROVAL, null, T0);
        change.drainEdits();
        return change;
    }

    @Test
    void onlyTheRequesterOrAnAdminEditsAChangeUnderApproval() {
        Change change = underApproval();
        change.ensureMayEdit("kim", false);
        change.ensureMayEdit("KIM", false);
        change.ensureMayEdit("root", true);
        assertThatThrownBy(() -> change.ensureMayEdit("park", false)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("only its requester (kim) or an admin");
        // the implementer neither: carrying it out does not make it theirs to rewrite
        assertThatThrownBy(() -> change.ensureMayEdit("lee", false)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void editsOfWhatWasApprovedRestartApprovalAndTheTitleOrDescriptionDoNot() {
        Change change = underApproval();
        change.rename("DB 보안 패치", T0);
        change.describe("월간 보안 패치 (오타 수정)", T0);
        assertThat(Change.revisesApproval(change.drainEdits())).isFalse();

        change.rate(Risk.HIGH, T0);
        assertThat(Change.revisesApproval(change.drainEdits())).isTrue();
        change.reschedule(change.getPlannedStart(), change.getPlannedEnd().plusSeconds(3600), T0);
        assertThat(change.drainEdits()).extracting(ChangeEdit::field).containsExactly("plannedEnd");
        for (Runnable edit : List.<Runnable>of(
                () -> change.retype(ChangeType.EMERGENCY, T0),
                () -> change.linkCis(Set.of(3L, 4L), T0),
                () -> change.plan("apply, reboot, check replication", null, T0),
                () -> change.plan(null, "fail over to the replica", T0),
                () -> change.planTests("replication lag under 1 s, login works", T0),
                () -> change.assignImplementer("park", T0))) {
            edit.run();
            List<ChangeEdit> edits = change.drainEdits();
            assertThat(edits).hasSize(1);
            assertThat(Change.revisesApproval(edits)).as(edits.get(0).field()).isTrue();
        }
        assertThat(Change.APPROVED_FIELDS).containsExactlyInAnyOrder("type", "risk", "plannedStart", "plannedEnd",
                "ciIds", "implementationPlan", "backoutPlan", "testPlan", "implementer");
    }

    @Test
    void anEditThatChangesNothingRestartsNothing() {
        Change change = underApproval();
        change.rate(Risk.MEDIUM, T0);
        change.linkCis(Set.of(3L), T0);
        change.plan("apply, reboot", "restore snapshot", T0);
        assertThat(change.drainEdits()).isEmpty();
    }

    @Test
    void theHistorySaysWhatThePlanWasAndIs() {
        Change change = underApproval();
        change.plan(null, "fail over to the replica", T0);
        assertThat(change.drainEdits()).containsExactly(
                new ChangeEdit("backoutPlan", "restore snapshot", "fail over to the replica"));
    }

    @Test
    void nothingBecomesAStandardChangeByAnEdit() {
        Change change = underApproval();
        assertThatThrownBy(() -> change.retype(ChangeType.STANDARD, T0)).isInstanceOf(InvalidInputException.class);
        assertThat(change.getType()).isEqualTo(ChangeType.NORMAL);
    }

    @Test
    void onceApprovedWhatWasApprovedIsFrozen() {
        Change change = underApproval();
        change.moveTo(ChangeStatus.SCHEDULED, null, T0);
        assertThatThrownBy(change::ensureEditable).isInstanceOf(ConflictException.class)
                .hasMessageContaining("approved as it is");
        change.moveTo(ChangeStatus.IMPLEMENTING, null, T0);
        assertThatThrownBy(change::ensureEditable).isInstanceOf(ConflictException.class);
    }

    // --- what the approvers see changed ------------------------------------------------------

    private final List<ChangeHistoryEntry> history = new ArrayList<>();
    private Instant at = T0;

    private void line(String actor, String field, String oldValue, String newValue) {
        at = at.plusSeconds(60);
        history.add(new ChangeHistoryEntry(7, actor, at, new ChangeEdit(field, oldValue, newValue)));
    }

    @Test
    void noRestartNoRevisions() {
        line("kim", "created", null, "CHG-7");
        line("kim", "title", "a", "b");
        assertThat(ApprovalRounds.revisions(history)).isEmpty();
        assertThat(ApprovalRounds.current(history)).isEqualTo(1);
    }

    @Test
    void revisionsAreWhatChangedSinceTheVersionTheApproversDecidedOn() {
        line("kim", "created", null, "CHG-7");
        line("alice", "approval", null, "approved");
        line("kim", "risk", "medium", "high");
        line("kim", "title", "a", "b"); // not approved: not a revision
        line("kim", ApprovalRounds.RESTARTED, "withdrawn: alice: approved", "round 2");
        assertThat(ApprovalRounds.current(history)).isEqualTo(2);
        assertThat(ApprovalRounds.revisions(history))
                .extracting(ApprovalRounds.Revision::field, ApprovalRounds.Revision::oldValue,
                        ApprovalRounds.Revision::newValue, ApprovalRounds.Revision::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("risk", "medium", "high", "kim"));

        // a second edit before anyone decided again: still measured against what alice approved
        line("kim", "risk", "high", "low");
        line("kim", "plannedEnd", "2026-11-26T02:00:00Z", "2026-11-26T03:00:00Z");
        line("kim", ApprovalRounds.RESTARTED, null, "round 3");
        assertThat(ApprovalRounds.revisions(history)).extracting(ApprovalRounds.Revision::field,
                ApprovalRounds.Revision::oldValue, ApprovalRounds.Revision::newValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("risk", "medium", "low"),
                        org.assertj.core.groups.Tuple.tuple("plannedEnd", "2026-11-26T02:00:00Z", "2026-11-26T03:00:00Z"));

        // once someone decided on round 3, the next revision is measured against round 3
        line("bob", "approval", null, "approved");
        line("kim", "backoutPlan", "restore", "fail over");
        line("kim", ApprovalRounds.RESTARTED, "withdrawn: bob: approved", "round 4");
        assertThat(ApprovalRounds.revisions(history)).extracting(ApprovalRounds.Revision::field)
                .containsExactly("backoutPlan");
    }

    @Test
    void whoeverRewroteWhatWasApprovedIsOnTheRequestersSide() {
        line("kim", "created", null, "CHG-7");
        line("Root", "backoutPlan", "restore", "fail over");
        line("park", "title", "a", "b");
        line("alice", "approval", null, "approved");
        assertThat(ApprovalRounds.revisers(history)).containsExactly("root");
    }

    @Test
    void aFieldEditedBackToWhereItWasIsNoRevision() {
        line("kim", "created", null, "CHG-7");
        line("kim", "risk", "medium", "high");
        line("kim", ApprovalRounds.RESTARTED, null, "round 2");
        line("kim", "risk", "high", "medium");
        line("kim", ApprovalRounds.RESTARTED, null, "round 3");
        assertThat(ApprovalRounds.revisions(history)).isEmpty();
    }
}
