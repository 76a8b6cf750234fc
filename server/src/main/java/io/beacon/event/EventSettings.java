package io.beacon.event;
import io.beacon.platform.config.BeaconConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The settings of event ingestion (webhooks, trap definitions, the ingest writer, auto-incidents); the README lists them. The SNMP receiver's are in {@code io.beacon.integrations.snmp.SnmpSettings}. */
@ApplicationScoped
public class EventSettings {
    @Inject
    @ConfigProperty(name = "beacon.events.queue.size", defaultValue = "100000")
    int queueSize;

    @Inject
    @ConfigProperty(name = "beacon.events.batch.size", defaultValue = "2000")
    int batchSize;

    @Inject
    @ConfigProperty(name = "beacon.events.incident.severity", defaultValue = "major")
    String incidentSeverity;

    @Inject
    @ConfigProperty(name = "beacon.events.incident.on.clear", defaultValue = "resolve")
    String onClear;

    @Inject
    @ConfigProperty(name = "beacon.events.trap.definitions")
    Optional<String> trapDefinitions;

    @Inject
    @ConfigProperty(name = "beacon.events.trap.definitions.check.seconds", defaultValue = "5")
    int trapDefinitionsCheckSeconds;

    @Inject
    @ConfigProperty(name = "beacon.events.ack.timeout.seconds", defaultValue = "30")
    int ackTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "beacon.events.default.severity", defaultValue = "warning")
    String defaultSeverity;

    @Inject
    @ConfigProperty(name = "beacon.events.webhook.max.bytes", defaultValue = "1048576")
    int webhookMaxBytes;

    @Inject
    @ConfigProperty(name = "beacon.events.rehearsal.events", defaultValue = "30000")
    int rehearsalEvents;

    @Inject
    @ConfigProperty(name = "beacon.events.incident.default.group")
    Optional<String> incidentDefaultGroup;

    @Inject
    BeaconConfig config;

    /** The group an alarm's incident goes to when its CI has no owner group (or none that exists); empty: none. */
    public Optional<String> incidentDefaultGroup() {
        return incidentDefaultGroup.map(String::strip).filter(s -> !s.isEmpty());
    }

    public int queueSize() {
        return Math.max(100, queueSize);
    }

    public int batchSize() {
        return Math.max(1, batchSize);
    }

    /** Events the pipeline rehearses (with incidents, all rolled back) before Beacon reports ready; 0: none. */
    public int rehearsalEvents() {
        return Math.max(0, rehearsalEvents);
    }

    /** Alarms at or above this severity open an incident. */
    public String incidentSeverity() {
        return incidentSeverity;
    }

    /** {@code resolve}: resolve an auto-opened incident once all its alarms cleared; {@code annotate}: only note it. */
    public boolean resolveOnClear() {
        return !"annotate".equalsIgnoreCase(onClear.strip());
    }

    /** The user's trap definition file (extends and overrides the shipped ones). */
    public Path trapDefinitionsFile() {
        return trapDefinitions.filter(s -> !s.isBlank()).map(Path::of)
                .orElseGet(() -> config.dataDir().resolve("trap-definitions.json"));
    }

    /** How often the user's trap definition file is checked for a change. */
    public int trapDefinitionsCheckSeconds() {
        return Math.max(1, trapDefinitionsCheckSeconds);
    }

    /** How long a webhook waits for its events to be committed (an acknowledgement, for the pipeline to record it) before it answers 503. */
    public int ackTimeoutSeconds() {
        return Math.max(1, ackTimeoutSeconds);
    }

    /** The severity of an alert or event that names none. */
    public String defaultSeverity() {
        return defaultSeverity;
    }

    public int webhookMaxBytes() {
        return webhookMaxBytes;
    }
}
