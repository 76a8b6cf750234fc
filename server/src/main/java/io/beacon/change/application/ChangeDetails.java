package io.beacon.change.application;

import io.beacon.change.domain.Change;
import io.beacon.change.domain.ChangeApproval;
import io.beacon.change.domain.ChangeHistoryEntry;
import java.util.List;
import java.util.Map;

/** A change with what its answer shows beside it. */
public record ChangeDetails(Change change, List<ChangeApproval> approvals, List<ChangeHistoryEntry> history,
        Map<Long, String> ciNames) {}
