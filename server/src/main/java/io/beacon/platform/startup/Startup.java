package io.beacon.platform.startup;

import io.beacon.platform.config.BeaconConfig;
import io.beacon.platform.persistence.DatabaseMigrations;
import io.beacon.platform.tls.ServerCertificate;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.logging.Logger;

/** Runs the start-up steps in their order; readiness stays DOWN until they are done. */
@ApplicationScoped
public class Startup {
    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    @Inject
    DatabaseMigrations migrations;

    @Inject
    BeaconConfig config;

    @Inject
    Event<StartupEvent> started;

    @Inject
    DemoDataLoader demoData;

    @Inject
    ServerCertificate certificate;

    private volatile boolean ready;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        String dataDir = config.dataDir().toAbsolutePath().normalize().toString();
        LOG.info("Data directory: " + dataDir);
        String extracted = System.getenv("WLP_JAR_EXTRACT_DIR"); // the runnable jar's copy, deleted on exit
        if (dataDir.contains("${") || dataDir.contains("wlpExtract")
                || extracted != null && !extracted.isBlank() && dataDir.startsWith(extracted)) {
            LOG.warning("The data directory lies inside the server's temporary copy and would be lost on exit;"
                    + " set BEACON_DATA_DIR to an absolute path");
        }
        long begin = ManagementFactory.getRuntimeMXBean().getUptime();
        certificate.install(); // first: Liberty opens the HTTPS port while the rest starts
        migrations.migrate();
        long migrated = ManagementFactory.getRuntimeMXBean().getUptime();
        started.fire(new StartupEvent()); // the first admin, demo data, monitoring access, then the areas

        ready = true;
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        // Where boot time goes (issue 18): Liberty and the persistence unit before this method, then Beacon's steps.
        LOG.info("Start-up steps took " + (uptime - begin) + " ms from " + begin + " ms after JVM start: certificate"
                + " and migrations " + (migrated - begin) + " ms, start-up observers " + (uptime - migrated) + " ms");
        LOG.info("Beacon is ready (" + uptime + " ms after JVM start)");
    }

    void loadDemoData(@Observes @Priority(StartupEvent.DEMO_DATA) StartupEvent started) {
        if (config.demoData()) {
            demoData.load();
        }
    }

    public boolean isReady() {
        return ready;
    }
}
