package io.beacon.platform.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's place in a cluster and its leases' timing; the README lists them. The role and the
 * node's name are the roles' settings ({@code BEACON_NODE_ROLE}, {@code BEACON_NODE_NAME}); the
 * leases are used only in role {@code core}.
 */
@ApplicationScoped
public class ClusterSettings {
    @Inject
    @ConfigProperty(name = "beacon.node.role", defaultValue = "all")
    String role;

    @Inject
    @ConfigProperty(name = "beacon.node.name")
    Optional<String> nodeName;

    @Inject
    @ConfigProperty(name = "beacon.cluster.lease.renew.seconds", defaultValue = "3")
    int renewSeconds;

    @Inject
    @ConfigProperty(name = "beacon.cluster.lease.expire.seconds", defaultValue = "10")
    int expireSeconds;

    @Inject
    @ConfigProperty(name = "beacon.kafka.bootstrap")
    Optional<String> kafkaBootstrap;

    @Inject
    @ConfigProperty(name = "beacon.cluster.live.topic", defaultValue = "beacon.live")
    String liveTopic;

    /** Role {@code core}: one of several nodes on one database, sharing the duties through leases. */
    public boolean clustered() {
        return "core".equals(role.strip().toLowerCase(Locale.ROOT));
    }

    /** Names this node in the lease rows; unique per node (default: the host name). */
    public String nodeName() {
        return nodeName.filter(n -> !n.isBlank()).map(String::strip).orElseGet(ClusterSettings::hostName);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "beacon";
        }
    }

    public int renewSeconds() {
        return renewSeconds;
    }

    public int expireSeconds() {
        return expireSeconds;
    }

    public Optional<String> kafkaBootstrap() {
        return kafkaBootstrap.filter(b -> !b.isBlank());
    }

    /** The broadcast topic that carries live updates to every core node. */
    public String liveTopic() {
        return liveTopic;
    }
}
