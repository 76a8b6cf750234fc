package io.beacon.correlation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The settings of event correlation (root cause, planned work, flapping, recurrence); the README lists them. */
@ApplicationScoped
public class CorrelationSettings {
    @Inject
    @ConfigProperty(name = "beacon.correlation.symptom.window.seconds", defaultValue = "300")
    long symptomWindowSeconds;

    @Inject
    @ConfigProperty(name = "beacon.correlation.flap.count", defaultValue = "3")
    int flapCount;

    @Inject
    @ConfigProperty(name = "beacon.correlation.flap.window.seconds", defaultValue = "1800")
    long flapWindowSeconds;

    @Inject
    @ConfigProperty(name = "beacon.correlation.flap.quiet.seconds", defaultValue = "900")
    long flapQuietSeconds;

    @Inject
    @ConfigProperty(name = "beacon.correlation.recurrence.seconds", defaultValue = "3600")
    long recurrenceSeconds;

    @Inject
    @ConfigProperty(name = "beacon.correlation.suspect.window.seconds", defaultValue = "14400")
    long suspectWindowSeconds;

    @Inject
    @ConfigProperty(name = "beacon.correlation.tick.seconds", defaultValue = "10")
    int tickSeconds;

    public Duration symptomWindow() {
        return Duration.ofSeconds(Math.max(0, symptomWindowSeconds));
    }

    public int flapCount() {
        return Math.max(1, flapCount);
    }

    public Duration flapWindow() {
        return Duration.ofSeconds(Math.max(1, flapWindowSeconds));
    }

    public Duration flapQuiet() {
        return Duration.ofSeconds(Math.max(0, flapQuietSeconds));
    }

    public Duration recurrence() {
        return Duration.ofSeconds(Math.max(0, recurrenceSeconds));
    }

    public Duration suspectWindow() {
        return Duration.ofSeconds(Math.max(0, suspectWindowSeconds));
    }

    /** How often ended windows and quiet flapping alarms are looked at, and the CMDB checked for new relations. */
    public int tickSeconds() {
        return Math.max(1, tickSeconds);
    }
}
