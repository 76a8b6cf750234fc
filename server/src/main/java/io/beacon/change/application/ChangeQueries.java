package io.beacon.change.application;

import io.beacon.change.domain.ApprovalRounds;
import io.beacon.change.domain.ApproverSubstitute;
import io.beacon.change.domain.Change;
import io.beacon.change.domain.ChangeApproval;
import io.beacon.change.domain.ChangeFilter;
import io.beacon.change.domain.ChangeHistoryEntry;
import io.beacon.change.domain.ChangeStatus;
import io.beacon.change.domain.Changes;
import io.beacon.cmdb.domain.ConfigurationItems;
import io.beacon.platform.domain.Page;
import io.beacon.platform.domain.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads changes for the API. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ChangeQueries {
    @Inject
    Changes changes;

    @Inject
    ChangeService service;

    @Inject
    ConfigurationItems cis;

    @Inject
    ChangeProcess process;

    public ChangeDetails details(String idOrKey) {
        Change c = service.find(idOrKey);
        List<ChangeApproval> approvals = changes.approvals(c.getId());
        List<ChangeHistoryEntry> history = changes.history(c.getId());
        return new ChangeDetails(c, approvals.stream().filter(a -> !a.isWithdrawn()).toList(),
                approvals.stream().filter(ChangeApproval::isWithdrawn).toList(), ApprovalRounds.current(history),
                ApprovalRounds.revisions(history), history, cis.namesOf(c.getCiIds()),
                c.getStatus() == ChangeStatus.APPROVAL ? process.tally(c.getKey()) : null);
    }

    /** What changed since the approvers last decided on the change (for its approval tasks). */
    public List<ApprovalRounds.Revision> revisions(long changeId) {
        return ApprovalRounds.revisions(changes.history(changeId));
    }

    public Page<Change> list(ChangeFilter filter, PageRequest page) {
        return changes.find(filter, page);
    }

    /** The standing (not withdrawn) approvals of the changes of a list page, by change id. */
    public Map<Long, List<ChangeApproval>> approvalsOf(List<Change> page) {
        return changes.approvalsOf(page.stream().map(Change::getId).toList()).stream()
                .filter(a -> !a.isWithdrawn()).collect(Collectors.groupingBy(ChangeApproval::getChangeId));
    }

    public List<ApproverSubstitute> substitutesNamedBy(String approver) {
        return changes.substitutesNamedBy(approver);
    }
}
