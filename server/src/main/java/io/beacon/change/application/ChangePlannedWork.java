package io.beacon.change.application;

import io.beacon.change.domain.Change;
import io.beacon.change.domain.ChangeFilter;
import io.beacon.change.domain.ChangeStatus;
import io.beacon.change.domain.Changes;
import io.beacon.correlation.application.PlannedChanges;
import io.beacon.correlation.application.PlannedWorkChanged;
import io.beacon.correlation.domain.PlannedWork;
import io.beacon.platform.domain.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Approved changes as correlation's planned work: those scheduled or under way with their planned
 * window, and those done (in review or closed) with a window that ends when they left
 * implementation, so that an incident soon after can name them as suspects.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ChangePlannedWork implements PlannedChanges {
    private static final Set<ChangeStatus> APPROVED = Set.of(ChangeStatus.SCHEDULED, ChangeStatus.IMPLEMENTING,
            ChangeStatus.REVIEW, ChangeStatus.CLOSED);

    @Inject
    Changes changes;

    @Inject
    Event<PlannedWorkChanged> plannedWorkChanged;

    /** An approval, start, end or cancellation moves a window in or out of correlation's view. */
    void onStatusChanged(@Observes ChangeStatusChanged changed) {
        plannedWorkChanged.fire(new PlannedWorkChanged(changed.key()));
    }

    @Override
    public List<PlannedWork> between(Instant from, Instant to) {
        List<PlannedWork> out = new ArrayList<>();
        ChangeFilter filter = new ChangeFilter(APPROVED, null, null, from, to, null, null);
        List<Change> found = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<Change> items = changes.find(filter, PageRequest.of(page, PageRequest.MAX_SIZE)).items();
            found.addAll(items);
            if (items.size() < PageRequest.MAX_SIZE) {
                break;
            }
        }
        for (Change c : found) {
            Instant end = c.getPlannedEnd();
            boolean done = c.getStatus() == ChangeStatus.REVIEW || c.getStatus() == ChangeStatus.CLOSED;
            if (done && c.getUpdatedAt() != null && c.getUpdatedAt().isBefore(end)) {
                end = c.getUpdatedAt();
            }
            if (c.getCiIds().isEmpty() || !end.isAfter(c.getPlannedStart())) {
                continue;
            }
            out.add(new PlannedWork(PlannedWork.Kind.CHANGE, c.getKey(), c.getCiIds(), c.getPlannedStart(), end,
                    c.getTitle()));
        }
        return out;
    }
}
