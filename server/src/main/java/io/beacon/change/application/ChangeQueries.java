package io.beacon.change.application;

import io.beacon.change.domain.ApproverSubstitute;
import io.beacon.change.domain.Change;
import io.beacon.change.domain.ChangeApproval;
import io.beacon.change.domain.ChangeFilter;
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

    public ChangeDetails details(String idOrKey) {
        Change c = service.find(idOrKey);
        return new ChangeDetails(c, changes.approvals(c.getId()), changes.history(c.getId()), cis.namesOf(c.getCiIds()));
    }

    public Page<Change> list(ChangeFilter filter, PageRequest page) {
        return changes.find(filter, page);
    }

    /** The approvals of the changes of a list page, by change id. */
    public Map<Long, List<ChangeApproval>> approvalsOf(List<Change> page) {
        return changes.approvalsOf(page.stream().map(Change::getId).toList()).stream()
                .collect(Collectors.groupingBy(ChangeApproval::getChangeId));
    }

    public List<ApproverSubstitute> substitutesNamedBy(String approver) {
        return changes.substitutesNamedBy(approver);
    }
}
