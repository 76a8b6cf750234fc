package io.beacon.change.application;

import io.beacon.change.domain.ApprovalRounds;
import io.beacon.change.domain.Change;
import io.beacon.change.domain.ChangeApproval;
import io.beacon.change.domain.ChangeHistoryEntry;
import java.util.List;
import java.util.Map;

/**
 * A change with what its answer shows beside it: the decisions of the round under way, those an edit
 * withdrew, what changed since the approvers last decided, and how many approvals the round needs (null
 * when no approval is under way).
 */
public record ChangeDetails(Change change, List<ChangeApproval> approvals, List<ChangeApproval> withdrawnApprovals,
        int approvalRound, List<ApprovalRounds.Revision> revisions, List<ChangeHistoryEntry> history,
        Map<Long, String> ciNames, ApprovalTally tally) {}
