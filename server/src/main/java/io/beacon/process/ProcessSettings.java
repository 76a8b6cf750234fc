package io.beacon.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The settings of the embedded process engine (Camunda); the README lists them. */
@ApplicationScoped
public class ProcessSettings {
    @Inject
    @ConfigProperty(name = "beacon.process.job.executor", defaultValue = "true")
    boolean jobExecutor;

    @Inject
    @ConfigProperty(name = "beacon.process.job.threads", defaultValue = "3")
    int jobThreads;

    @Inject
    @ConfigProperty(name = "beacon.process.history", defaultValue = "audit")
    String history;

    /** Whether timers and asynchronous steps run (off only for diagnosis: SLA timers then never fire). */
    public boolean jobExecutor() {
        return jobExecutor;
    }

    public int jobThreads() {
        return Math.max(1, jobThreads);
    }

    /** Camunda's history level: none, activity, audit or full. */
    public String history() {
        return history;
    }
}
