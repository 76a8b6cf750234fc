package io.beacon.integrations.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The broadcast topics among core nodes (live updates, CMDB changes): one partition, so one order
 * for all, replicated as far as the brokers allow, and read whole by every node on a thread of its
 * own that outlasts Kafka's absences.
 */
public final class BroadcastTopics {
    private BroadcastTopics() {
    }

    /** Creates the topic when it is missing (one partition, up to three replicas); Kafka's refusal is logged, not thrown. */
    public static void create(String bootstrap, String topic, Logger log) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            int brokers = admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size();
            NewTopic created = new NewTopic(topic, 1, (short) Math.min(3, Math.max(1, brokers)));
            admin.createTopics(List.of(created)).all().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                log.log(Level.WARNING, "Could not create Kafka topic " + topic + "; the broker may create it", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.log(Level.WARNING, "Could not create Kafka topic " + topic + "; the broker may create it", e);
        }
    }

    /**
     * Reads the consumer's assigned partition until {@code running} turns false or the consumer is woken:
     * {@code position} first (run again until it succeeds), then each record in order. While Kafka is away
     * it tries again every second, saying so once a minute. Closes the consumer at the end.
     */
    public static void follow(KafkaConsumer<String, String> consumer, String topic, BooleanSupplier running,
            Runnable position, Consumer<ConsumerRecord<String, String>> each, Logger log) {
        boolean positioned = false;
        long failures = 0;
        try {
            while (running.getAsBoolean()) {
                try {
                    if (!positioned) {
                        position.run();
                        positioned = true;
                    }
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                        each.accept(r);
                    }
                    failures = 0;
                } catch (WakeupException stopping) {
                    throw stopping;
                } catch (RuntimeException e) {
                    if (failures++ % 60 == 0) {
                        log.warning("Cannot read Kafka topic " + topic + " (" + e + "); trying again every second");
                    }
                    Thread.sleep(1000);
                }
            }
        } catch (WakeupException | InterruptedException stopping) {
            // the node stops
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }
}
