package io.beacon.platform.cluster;

import java.util.Optional;

/**
 * The lease rows. Every change is one conditional UPDATE in its own transaction, answering whether
 * it changed the row; two nodes that race for a change cannot both succeed.
 */
public interface LeaseStore {
    Optional<LeaseRow> read(String name);

    /** The first holder of a lease that has no row yet (epoch 1); false when another node created it first. */
    boolean create(String name, String holder);

    /** One more beat of a held lease; false when the holder or the epoch changed. */
    boolean renew(String name, String holder, long epoch);

    /** Takes the lease as it was seen (epoch and beat unchanged since), with the next epoch. */
    boolean takeOver(String name, String holder, LeaseRow seen);

    /** Gives a held lease up, so that a standby takes it at once (a clean stop). */
    boolean release(String name, String holder, long epoch);

    /** Inside the caller's transaction: whether the holder still holds the lease with this epoch (then the row is locked until the commit). */
    boolean fence(String name, String holder, long epoch);
}
