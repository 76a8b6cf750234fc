package io.beacon.integrations.kafka;

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the events topic when it is missing, with the configured partitions and the brokers'
 * default replication (so a three-broker cluster replicates it three times), before anyone sends
 * to it: a topic that Kafka created on first use would get the broker's default of one partition.
 */
final class EventTopic {
    private EventTopic() {}

    /** True when the topic exists now; false when Kafka did not answer in time. */
    static boolean ensure(Properties client, String topic, int partitions) {
        Properties p = new Properties();
        p.putAll(client);
        p.put("request.timeout.ms", "3000");
        p.put("default.api.timeout.ms", "5000");
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
                    .all().get(5, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            return e.getCause() instanceof TopicExistsException;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
