package io.beacon.platform.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The node's place in a cluster: {@code BEACON_NODE_ROLE} (all, core, collector; default all: one
 * node as before), {@code BEACON_NODE_NAME} (default the host name) and {@code BEACON_KAFKA_BOOTSTRAP}
 * (host:port,...; needed by core and collector). The README lists them.
 */
@ApplicationScoped
public class NodeSettings {
    @Inject
    @ConfigProperty(name = "beacon.node.role", defaultValue = "all")
    String role;

    @Inject
    @ConfigProperty(name = "beacon.node.name")
    Optional<String> name;

    @Inject
    @ConfigProperty(name = "beacon.kafka.bootstrap")
    Optional<String> kafkaBootstrap;

    public NodeRole role() {
        return NodeRole.parse(role);
    }

    /** This node's name among the others (in Kafka client ids and logs). */
    public String name() {
        return name.map(String::strip).filter(s -> !s.isEmpty()).orElseGet(NodeSettings::hostName);
    }

    /** Kafka's bootstrap servers; refuses to go on without them when the role needs Kafka. */
    public String kafkaBootstrap() {
        return kafkaBootstrap.map(String::strip).filter(s -> !s.isEmpty()).orElseThrow(() -> new IllegalStateException(
                "BEACON_NODE_ROLE=" + role + " needs BEACON_KAFKA_BOOTSTRAP (host:port of the Kafka brokers)"));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "beacon";
        }
    }
}
