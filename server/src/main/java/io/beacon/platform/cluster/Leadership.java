package io.beacon.platform.cluster;

/**
 * Whether this node carries out a {@link Duty} now. On a single node (role {@code all}) it always
 * does, at no cost; among core nodes one holds each duty's lease and the others stand by.
 */
public interface Leadership {
    /** The lease's epoch while this node holds the duty, else 0: a new number means a new term (take over the duty's memory). */
    long term(Duty duty);

    /** Whether other nodes may write what a duty acts on (core nodes): then its holder also looks for their work. */
    boolean shared();

    default boolean holds(Duty duty) {
        return term(duty) != 0;
    }

    /**
     * Inside the caller's transaction: proves that this node still holds the duty with the epoch it
     * took it with, and makes the transaction conflict with any takeover. Throws
     * {@link LeadershipLostException} when another node has taken the duty over since (this node's
     * write must then roll back).
     */
    void fence(Duty duty);
}
