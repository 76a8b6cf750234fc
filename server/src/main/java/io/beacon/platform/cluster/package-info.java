/** What this node is in a cluster of Beacons (its role and name) and where it finds the others (Kafka). */
package io.beacon.platform.cluster;
