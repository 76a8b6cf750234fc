package io.beacon.change.domain;

import io.beacon.platform.domain.Page;
import io.beacon.platform.domain.PageRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The changes Beacon knows, with their approvals, history and the approvers' substitutes. */
public interface Changes {
    long nextNumber();

    Change add(Change change);

    Optional<Change> byId(long id);

    Optional<Change> byKey(String key);

    Page<Change> find(ChangeFilter filter, PageRequest page);

    /** Approved changes (scheduled or implementing) on any of these CIs whose window overlaps [from, to). */
    List<Change> approvedOn(Collection<Long> ciIds, Instant from, Instant to);

    ChangeApproval addApproval(ChangeApproval approval);

    List<ChangeApproval> approvals(long changeId);

    /** The approvals of several changes, in one query (list pages). */
    List<ChangeApproval> approvalsOf(Collection<Long> changeIds);

    void addHistory(List<ChangeHistoryEntry> entries);

    List<ChangeHistoryEntry> history(long changeId);

    ApproverSubstitute addSubstitute(ApproverSubstitute substitute);

    /** Substitutes of this approver active at {@code at}. */
    List<ApproverSubstitute> substitutesOf(String approver, Instant at);

    List<ApproverSubstitute> substitutesNamedBy(String approver);

    void flush();
}
