package io.beacon.event.ingest.application;

import io.beacon.event.EventSettings;
import io.beacon.platform.startup.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Loads the trap definitions at start, then re-reads the user's file when its time changes (checked every few seconds). */
@ApplicationScoped
public class TrapDefinitionFileWatcher {
    private static final Logger LOG = Logger.getLogger(TrapDefinitionFileWatcher.class.getName());

    @Inject
    TrapDefinitionCatalog definitions;

    @Inject
    EventSettings settings;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> task;

    /** Before the channels open (they observe the same event later, with a lower priority). */
    void start(@Observes @Priority(100) StartupEvent started) {
        definitions.reloadIfChanged();
        LOG.info(definitions.current().all().size() + " trap definitions known");
        int every = settings.trapDefinitionsCheckSeconds();
        task = scheduler.scheduleWithFixedDelay(this::check, every, every, TimeUnit.SECONDS);
    }

    private void check() {
        try {
            definitions.reloadIfChanged();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not re-read the trap definitions", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
