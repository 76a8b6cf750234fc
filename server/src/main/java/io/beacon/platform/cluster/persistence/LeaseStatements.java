package io.beacon.platform.cluster.persistence;

/**
 * The lease rows' statements, with their parameters in order; the same for H2 and MariaDB. Each
 * change is conditional on what the node believes the row holds, so that of two racing nodes only
 * one changes it (under Galera the other's commit fails certification).
 */
public final class LeaseStatements {
    /** name → holder, epoch, beat */
    public static final String READ = "SELECT holder, epoch, beat FROM cluster_lease WHERE name = ?";
    /** name, holder */
    public static final String CREATE = "INSERT INTO cluster_lease (name, holder, epoch, beat, fenced_writes) VALUES (?, ?, 1, 0, 0)";
    /** name, holder, epoch */
    public static final String RENEW = "UPDATE cluster_lease SET beat = beat + 1 WHERE name = ? AND holder = ? AND epoch = ?";
    /** new holder, name, seen holder, seen epoch, seen beat */
    public static final String TAKE_OVER = "UPDATE cluster_lease SET holder = ?, epoch = epoch + 1, beat = 0"
            + " WHERE name = ? AND holder = ? AND epoch = ? AND beat = ?";
    /** name, holder, epoch */
    public static final String RELEASE = "UPDATE cluster_lease SET holder = '', beat = beat + 1 WHERE name = ? AND holder = ? AND epoch = ?";
    /** name, holder, epoch: a write that always changes the row, so that it locks it and counts under any driver setting */
    public static final String FENCE = "UPDATE cluster_lease SET fenced_writes = fenced_writes + 1"
            + " WHERE name = ? AND holder = ? AND epoch = ?";

    private LeaseStatements() {
    }
}
