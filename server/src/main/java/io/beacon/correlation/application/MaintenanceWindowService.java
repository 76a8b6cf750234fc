package io.beacon.correlation.application;

import io.beacon.cmdb.domain.ConfigurationItems;
import io.beacon.correlation.domain.MaintenanceWindow;
import io.beacon.correlation.domain.MaintenanceWindows;
import io.beacon.identity.domain.Actor;
import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Plans, lists and removes maintenance windows; every change re-reads correlation's planned work. */
@ApplicationScoped
@Transactional
public class MaintenanceWindowService {
    static final int MAX_CIS = 5_000;

    @Inject
    MaintenanceWindows windows;

    @Inject
    ConfigurationItems cis;

    @Inject
    Clock clock;

    @Inject
    Event<PlannedWorkChanged> changed;

    public MaintenanceWindow plan(Actor actor, NewMaintenanceWindow in) {
        Set<Long> ciIds = in.ciIds() == null ? Set.of() : new HashSet<>(in.ciIds());
        if (ciIds.size() > MAX_CIS) {
            throw new InvalidInputException("ciIds", "at most " + MAX_CIS + " CIs per window");
        }
        MaintenanceWindow window = MaintenanceWindow.plan(ciIds, in.start(), in.end(), in.reason(), in.recurrence(),
                in.timeZone(), actor.username(), clock.instant());
        Set<Long> unknown = new TreeSet<>(ciIds);
        unknown.removeAll(cis.existingIds(ciIds));
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("ciIds", "no CI with id " + unknown);
        }
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
