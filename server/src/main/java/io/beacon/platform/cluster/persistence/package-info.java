/** The lease rows' SQL: conditional updates that a Galera cluster certifies like any other write. */
package io.beacon.platform.cluster.persistence;
