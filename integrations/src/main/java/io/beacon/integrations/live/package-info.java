/** The live broadcast among core nodes on a Kafka topic: every node publishes its committed changes there and reads them all back. */
package io.beacon.integrations.live;
