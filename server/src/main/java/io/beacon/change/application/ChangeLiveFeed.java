package io.beacon.change.application;

import io.beacon.change.domain.ChangeStatus;
import io.beacon.platform.live.LiveUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Committed change moves as live updates: the change calendar refreshes, and a change entering
 * approval, or starting it again after a revision, puts tasks in approvers' inboxes (topic {@code task}).
 */
@ApplicationScoped
public class ChangeLiveFeed {
    @Inject
    Event<LiveUpdate> live;

    void onStatusChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChangeStatusChanged changed) {
        String id = String.valueOf(changed.changeId());
        live.fire(new LiveUpdate("change", changed.to(), id, changed.key()));
        if (ChangeStatus.APPROVAL.code().equals(changed.to()) || ChangeStatus.APPROVAL.code().equals(changed.from())) {
            live.fire(new LiveUpdate("task", ChangeStatus.APPROVAL.code().equals(changed.to()) ? "created" : "completed",
                    id, changed.key()));
        }
    }

    /** A revision replaced the approval tasks: inboxes show the new ones, with what changed. */
    void onApprovalRestarted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ApprovalRestarted restarted) {
        live.fire(new LiveUpdate("task", "created", String.valueOf(restarted.changeId()), restarted.key()));
    }
}
