/** What this node is in a cluster of Beacons (its role and name), where it finds the others (Kafka), and which core node carries out a duty that only one may (correlation, mail polling): a fenced lease row in the shared database, behind the {@link io.beacon.platform.cluster.Leadership} port. */
package io.beacon.platform.cluster;
