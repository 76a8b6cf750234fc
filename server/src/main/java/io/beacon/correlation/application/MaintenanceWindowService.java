package io.beacon.correlation.application;

import io.beacon.cmdb.application.CiReferences;
import io.beacon.correlation.domain.MaintenanceWindow;
import io.beacon.correlation.domain.MaintenanceWindows;
import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Plans, lists and removes maintenance windows; every change re-reads correlation's planned work. */
@ApplicationScoped
@Transactional
public class MaintenanceWindowService {
    static final int MAX_CIS = 5_000;

    @Inject
    MaintenanceWindows windows;

    @Inject
    CiReferences ciReferences;

    @Inject
    Clock clock;

    @Inject
    Event<PlannedWorkChanged> changed;

    public MaintenanceWindow plan(Actor actor, NewMaintenanceWindow in) {
        Set<Long> ciIds = in.ciIds() == null ? Set.of() : new LinkedHashSet<>(in.ciIds());
        // Every wrong field in one answer first; then whether the CIs exist (a query).
        MaintenanceWindow window = MaintenanceWindow.plan(ciIds, in.start(), in.end(), in.reason(), in.recurrence(),
                in.timeZone(), actor.username(), clock.instant());
        ciReferences.checked(in.ciIds(), MAX_CIS);
        windows.add(window);
        changed.fire(new PlannedWorkChanged(window.ref()));
        return window;
    }

    public List<MaintenanceWindow> list(Long ciId) {
        return windows.all(ciId);
    }

    public MaintenanceWindow get(long id) {
        return windows.byId(id).orElseThrow(() -> new NotFoundException("maintenance window", id));
    }

    public void remove(long id) {
        MaintenanceWindow window = get(id);
        windows.remove(window);
        changed.fire(new PlannedWorkChanged(window.ref()));
    }
}
