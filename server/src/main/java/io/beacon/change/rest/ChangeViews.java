package io.beacon.change.rest;

import io.beacon.change.application.ChangeDetails;
import io.beacon.change.domain.ApprovalRounds;
import io.beacon.change.domain.Change;
import io.beacon.change.domain.ChangeApproval;
import io.beacon.change.domain.ChangeConflict;
import io.beacon.change.domain.ChangeHistoryEntry;
import io.beacon.change.domain.Decision;
import io.beacon.change.domain.ApproverSubstitute;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Changes as the API shows them (../shared contracts: changes and approval tasks). */
public final class ChangeViews {
    private ChangeViews() {}

    public record ConflictView(String kind, String ref, String reason, String reasonKey, Map<String, String> reasonArgs) {
        public static ConflictView of(ChangeConflict c) {
            return new ConflictView(c.getKind(), c.getRef(), c.getReason(), c.getReasonKey(), c.getReasonArgs());
        }
    }

    public record ApprovalView(String approver, String onBehalfOf, String decision, String comment, Instant at,
            Instant withdrawnAt) {
        static ApprovalView of(ChangeApproval a) {
            return new ApprovalView(a.getApprover(), a.getOnBehalfOf(), a.getDecision().code(), a.getComment(),
                    a.getDecidedAt(), a.getWithdrawnAt());
        }
    }

    public record HistoryView(String actor, Instant at, String field, String oldValue, String newValue) {
        static HistoryView of(ChangeHistoryEntry h) {
            return new HistoryView(h.getActor(), h.getChangedAt(), h.getField(), h.getOldValue(), h.getNewValue());
        }
    }

    public record CiRef(long id, String name) {}

    public record ChangeView(long id, String key, String type, String title, String description, String status,
            String statusReason, String risk, List<Long> ciIds, List<CiRef> cis, Instant plannedStart,
            Instant plannedEnd, String implementationPlan, String backoutPlan, String testPlan, String outcome,
            Long templateId, String requester, String implementer,
            List<ConflictView> conflicts, List<ApprovalView> approvals, ApprovalProgress approvalProgress,
            Integer approvalRound,
            List<ApprovalRounds.Revision> revisions, List<ApprovalView> withdrawnApprovals, List<HistoryView> history,
            Instant createdAt, Instant updatedAt, long version) {}

    /**
     * Where the round under way stands: {@code approved} of {@code required} approvals (from {@code seats}
     * approvers), as "1 of 2 approvals"; null when the change awaits no approval.
     */
    public record ApprovalProgress(int approved, int rejected, int required, int seats) {}

    public record SubstituteView(long id, String approver, String substitute, Instant from, Instant until) {
        static SubstituteView of(ApproverSubstitute s) {
            return new SubstituteView(s.getId(), s.getApprover(), s.getSubstitute(), s.getValidFrom(),
                    s.getValidUntil());
        }
    }

    /** In lists: without history and CI names, with the approvals. */
    static ChangeView summary(Change c, List<ChangeApproval> approvals) {
        return view(c, approvals, null, List.of(), null);
    }

    /** With the approval round, what changed since the approvers last decided, and the withdrawn decisions. */
    static ChangeView full(ChangeDetails d) {
        return view(d.change(), d.approvals(), d, d.history(), d.ciNames());
    }

    private static ApprovalProgress progress(List<ChangeApproval> approvals, ChangeDetails details) {
        if (details == null || details.tally() == null) {
            return null;
        }
        int approved = (int) approvals.stream().filter(a -> a.getDecision() == Decision.APPROVED).count();
        return new ApprovalProgress(approved, approvals.size() - approved, details.tally().required(),
                details.tally().seats());
    }

    private static ChangeView view(Change c, List<ChangeApproval> approvals, ChangeDetails details,
            List<ChangeHistoryEntry> history, java.util.Map<Long, String> names) {
        List<Long> ciIds = c.getCiIds().stream().sorted().toList();
        return new ChangeView(c.getId(), c.getKey(), c.getType().code(), c.getTitle(), c.getDescription(),
                c.getStatus().code(), c.getStatusReason(), c.getRisk().code(), ciIds,
                names == null ? null : ciIds.stream().map(id -> new CiRef(id, names.get(id))).toList(),
                c.getPlannedStart(), c.getPlannedEnd(), c.getImplementationPlan(), c.getBackoutPlan(),
                c.getTestPlan(), c.getOutcome() == null ? null : c.getOutcome().code(), c.getTemplateId(),
                c.getRequester(), c.getImplementer(), c.getConflicts().stream().map(ConflictView::of).toList(),
                approvals.stream().map(ApprovalView::of).toList(), progress(approvals, details),
                details == null ? null : details.approvalRound(),
                details == null ? null : details.revisions(),
                details == null ? null : details.withdrawnApprovals().stream().map(ApprovalView::of).toList(),
                history.stream().map(HistoryView::of).toList(),
                c.getCreatedAt(), c.getUpdatedAt(), c.getVersion());
    }
}
