/** Tests of Beacon as several processes (collectors, core nodes) around a Kafka broker of their own. */
package io.beacon.cluster;
