package io.beacon.event;
import io.beacon.platform.config.BeaconConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The settings of event ingestion (SNMP traps, webhooks, the ingest writer, auto-incidents); the README lists them. */
@ApplicationScoped
public class EventSettings {
    @Inject
    @ConfigProperty(name = "beacon.snmp.trap.port", defaultValue = "1162")
    int trapPort;

    @Inject
    @ConfigProperty(name = "beacon.snmp.trap.host", defaultValue = "0.0.0.0")
    String trapHost;

    @Inject
    @ConfigProperty(name = "beacon.snmp.community")
    Optional<String> community;

    @Inject
    @ConfigProperty(name = "beacon.snmp.trusted.relays")
    Optional<String> trustedRelays;

    @Inject
    @ConfigProperty(name = "beacon.snmp.v3.users")
    Optional<String> v3Users;

    @Inject
    @ConfigProperty(name = "beacon.snmp.receive.buffer.bytes", defaultValue = "8388608")
    int receiveBufferBytes;

    @Inject
    @ConfigProperty(name = "beacon.snmp.threads", defaultValue = "2")
    int snmpThreads;

    @Inject
    @ConfigProperty(name = "beacon.snmp.receive.queue.size", defaultValue = "50000")
    int receiveQueueSize;

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
    @ConfigProperty(name = "beacon.events.incident.priority", defaultValue = "critical=P1,major=P2,minor=P3,warning=P4")
    String incidentPriority;

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
    BeaconConfig config;

    /** UDP port of the trap receiver; 0 turns the receiver off. */
    public int trapPort() {
        return trapPort;
    }

    public String trapHost() {
        return trapHost;
    }

    /** The accepted v1/v2c communities; none by default, so that v1/v2c is refused until one is chosen. */
    public List<String> communities() {
        return community.map(c -> Arrays.stream(c.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    /** Addresses and CIDR ranges, comma separated, whose traps may name the device they speak for. */
    public String trustedRelays() {
        return trustedRelays.orElse("");
    }

    /** {@code user:SHA|SHA-256|MD5:authpass:AES|AES-256|DES:privpass[@engineIdHex]}, comma separated. */
    public String v3Users() {
        return v3Users.orElse("");
    }

    public int receiveBufferBytes() {
        return receiveBufferBytes;
    }

    public int snmpThreads() {
        return Math.max(1, snmpThreads);
    }

    /** Datagrams waiting for the SNMP decoding threads. */
    public int receiveQueueSize() {
        return Math.max(100, receiveQueueSize);
    }

    public int queueSize() {
        return Math.max(100, queueSize);
    }

    public int batchSize() {
        return Math.max(1, batchSize);
    }

    /** Alarms at or above this severity open an incident. */
    public String incidentSeverity() {
        return incidentSeverity;
    }

    /** severity=P1..P4 pairs: the priority of an incident opened from an alarm. */
    public String incidentPriority() {
        return incidentPriority;
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

    public Path snmpStateDir() {
        return config.dataDir().resolve("snmp");
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
