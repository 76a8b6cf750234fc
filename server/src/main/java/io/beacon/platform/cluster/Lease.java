package io.beacon.platform.cluster;

import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * One node's view of one lease, stepped by a single thread. The holder renews every {@code renew};
 * it counts as holding only until {@code expire} after the start of its last successful renewal
 * (a node cut off from the database stops by itself). A standby reads the row at each step and
 * takes over once it has seen the row unchanged for {@code expire} on its own monotonic clock, so
 * the nodes' wall clocks need not agree. A released row (a clean stop) or one left by an earlier
 * run of this same node is taken at once. Time is a {@link LongSupplier} of nanoseconds, so that
 * tests step it.
 */
public final class Lease {
    private final String name;
    private final String node;
    private final LeaseStore store;
    private final LongSupplier nanos;
    private final long renewNanos;
    private final long expireNanos;

    private long heldEpoch;
    private long validUntil;
    private LeaseRow seen;
    private long seenSince;

    public Lease(String name, String node, LeaseStore store, LongSupplier nanos, long renewNanos, long expireNanos) {
        if (renewNanos <= 0 || expireNanos <= renewNanos) {
            throw new IllegalArgumentException("a lease's expiry must be longer than its renewal period"
                    + " (BEACON_CLUSTER_LEASE_EXPIRE_SECONDS > BEACON_CLUSTER_LEASE_RENEW_SECONDS > 0)");
        }
        this.name = name;
        this.node = node;
        this.store = store;
        this.nanos = nanos;
        this.renewNanos = renewNanos;
        this.expireNanos = expireNanos;
    }

    /** Renews, or looks whether to take over; answers the nanoseconds until the next step is due. */
    public synchronized long step() {
        long now = nanos.getAsLong();
        try {
            if (heldEpoch != 0) {
                if (store.renew(name, node, heldEpoch)) {
                    validUntil = now + expireNanos;
                    return renewNanos;
                }
                heldEpoch = 0; // another node took over: this node's epoch is fenced out
            }
            return lookForTakeover(now);
        } catch (RuntimeException unreachable) {
            if (heldEpoch != 0 && now - validUntil >= 0) {
                heldEpoch = 0;
            }
            // What a standby saw stays seen: every change of the row (renewal, release, takeover) moves its
            // beat or epoch on, so the same row read after the failure proves no renewal came in between.
            // (Forgetting it made a standby whose database node died wait a whole expiry more: 22.9 s on Galera.)
            return renewNanos;
        }
    }

    private long lookForTakeover(long now) {
        Optional<LeaseRow> row = store.read(name);
        if (row.isEmpty()) {
            if (store.create(name, node)) {
                take(1, now);
            }
            return renewNanos;
        }
        LeaseRow r = row.get();
        if (r.released() || r.holder().equals(node)) {
            return tryTakeOver(r, now);
        }
        if (!r.equals(seen)) {
            seen = r;
            seenSince = now;
            return renewNanos;
        }
        long waited = now - seenSince;
        if (waited >= expireNanos) {
            return tryTakeOver(r, now);
        }
        return Math.min(renewNanos, expireNanos - waited);
    }

    private long tryTakeOver(LeaseRow r, long now) {
        if (store.takeOver(name, node, r)) {
            take(r.epoch() + 1, now);
        }
        seen = null;
        return renewNanos;
    }

    private void take(long epoch, long now) {
        heldEpoch = epoch;
        validUntil = now + expireNanos;
        seen = null;
    }

    /** The epoch this node holds the lease with, or 0. */
    public synchronized long heldEpoch() {
        if (heldEpoch != 0 && nanos.getAsLong() - validUntil >= 0) {
            heldEpoch = 0; // not renewed in time: another node may hold it by now
        }
        return heldEpoch;
    }

    /** Inside the caller's transaction: throws when this node no longer holds the lease with its epoch. */
    public void fence(Duty duty) {
        long epoch = heldEpoch();
        if (epoch == 0) {
            throw new LeadershipLostException(duty, "not held");
        }
        if (!store.fence(name, node, epoch)) {
            synchronized (this) {
                if (heldEpoch == epoch) {
                    heldEpoch = 0;
                }
            }
            throw new LeadershipLostException(duty, "another node took it over (epoch " + epoch + " is stale)");
        }
    }

    /** A clean stop: gives the lease up so that a standby takes it at its next step. */
    public synchronized void release() {
        if (heldEpoch != 0) {
            try {
                store.release(name, node, heldEpoch);
            } catch (RuntimeException e) {
                // the standby takes over after the expiry instead
            }
            heldEpoch = 0;
        }
    }

    public String name() {
        return name;
    }
}
