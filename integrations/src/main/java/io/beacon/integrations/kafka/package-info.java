/** Events between nodes through Kafka: collectors publish (spooling while Kafka is away), core nodes consume into the writer. */
package io.beacon.integrations.kafka;
