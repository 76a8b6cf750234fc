package io.beacon.platform.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How core nodes share their duties and live updates; the README lists them. The node's role,
 * name and Kafka are {@link NodeSettings}.
 */
@ApplicationScoped
public class ClusterSettings {
    @Inject
    @ConfigProperty(name = "beacon.cluster.lease.renew.seconds", defaultValue = "3")
    int renewSeconds;

    @Inject
    @ConfigProperty(name = "beacon.cluster.lease.expire.seconds", defaultValue = "10")
    int expireSeconds;

    @Inject
    @ConfigProperty(name = "beacon.cluster.live.topic", defaultValue = "beacon.live")
    String liveTopic;

    @Inject
    @ConfigProperty(name = "beacon.cluster.cmdb.topic", defaultValue = "beacon.cmdb")
    String cmdbTopic;

    /** How often the holder of a lease renews it. */
    public int renewSeconds() {
        return renewSeconds;
    }

    /** How long a standby waits, having seen a lease unchanged, before it takes it over (more than the renewal). */
    public int expireSeconds() {
        return expireSeconds;
    }

    /** The broadcast topic that carries live updates to every core node. */
    public String liveTopic() {
        return liveTopic;
    }

    /** The topic that carries each committed CMDB change to every core node's view. */
    public String cmdbTopic() {
        return cmdbTopic;
    }
}
