package io.beacon.integrations.snmp;

import io.beacon.platform.config.BeaconConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The SNMP trap receiver's settings ({@code beacon.snmp.*} = {@code BEACON_SNMP_*}); the README lists them. */
@ApplicationScoped
public class SnmpSettings {
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

    public Path snmpStateDir() {
        return config.dataDir().resolve("snmp");
    }
}
