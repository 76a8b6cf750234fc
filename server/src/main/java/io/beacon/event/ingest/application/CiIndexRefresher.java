package io.beacon.event.ingest.application;

import io.beacon.event.EventSettings;
import io.beacon.platform.startup.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads the CI index and the trap definitions at start, then checks every few seconds whether the
 * CMDB or the user's trap definition file changed (a count-and-newest-change query, a file time).
 */
@ApplicationScoped
public class CiIndexRefresher {
    private static final Logger LOG = Logger.getLogger(CiIndexRefresher.class.getName());

    @Inject
    CiIndex index;

    @Inject
    TrapDefinitionCatalog definitions;

    @Inject
    EventSettings settings;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> task;

    /** Before the channels open (they observe the same event later, with a lower priority). */
    void start(@Observes @jakarta.annotation.Priority(100) StartupEvent started) {
        index.refreshIfChanged();
        definitions.reloadIfChanged();
        LOG.info("CI index holds " + index.size() + " CIs; " + definitions.current().all().size()
                + " trap definitions known");
        int every = settings.ciRefreshSeconds();
        task = scheduler.scheduleWithFixedDelay(this::refresh, every, every, TimeUnit.SECONDS);
    }

    private void refresh() {
        try {
            index.refreshIfChanged();
            definitions.reloadIfChanged();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not refresh the CI index", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
