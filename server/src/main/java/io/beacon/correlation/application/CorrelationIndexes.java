package io.beacon.correlation.application;

import io.beacon.correlation.domain.MaintenanceWindow;
import io.beacon.correlation.domain.MaintenanceWindows;
import io.beacon.correlation.domain.PlannedWork;
import io.beacon.correlation.domain.PlannedWorkIndex;
import io.beacon.correlation.CorrelationSettings;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the correlator's planned work current (approved changes and maintenance windows, re-read
 * when one changes and periodically, as recurring windows roll forward). The topology needs no
 * keeping: correlation reads the live CMDB view.
 */
@ApplicationScoped
public class CorrelationIndexes {
    /** How far ahead recurring windows are expanded; the periodic refresh rolls it forward. */
    static final Duration HORIZON = Duration.ofDays(2);

    @Inject
    CorrelationEngine engine;

    @Inject
    MaintenanceWindows maintenance;

    @Inject
    Instance<PlannedChanges> changes;

    @Inject
    CorrelationSettings settings;

    @Inject
    Clock clock;

    @Inject
    CorrelationIndexes self;

    @Resource
    ManagedExecutorService executor;

    private volatile int plannedWorkLoaded;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refreshPlannedWork() {
        Instant now = clock.instant();
        Instant from = now.minus(settings.suspectWindow()).minus(MaintenanceWindow.LONGEST);
        Instant to = now.plus(HORIZON);
        List<PlannedWork> work = new ArrayList<>();
        for (MaintenanceWindow w : maintenance.all(null)) {
            work.addAll(w.occurrences(from, to));
        }
        for (PlannedChanges source : changes) {
            work.addAll(source.between(from, to));
        }
        engine.usePlannedWork(new PlannedWorkIndex(work));
        plannedWorkLoaded = work.size();
    }

    /** How many change windows and maintenance occurrences correlation knows (from the suspect window to two days ahead). */
    public int plannedWorkLoaded() {
        return plannedWorkLoaded;
    }

    // After the commit there is no transaction to read in (Liberty refuses JPA in afterCompletion):
    // re-read on a managed thread, through the proxy so that the read runs in a transaction of its own.

    void onPlannedWorkChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PlannedWorkChanged changed) {
        executor.execute(self::refreshPlannedWork);
    }
}
