package io.beacon.platform.startup;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Marks a transaction as a rehearsal: work done before Beacon reports ready, only so that the first real
 * work meets compiled code, and always rolled back. What would otherwise commit on its own (a reservation
 * in a transaction of its own) asks {@link #underway()} and stays inside the rehearsal instead, so that
 * nothing of it remains, not even a gap in the ticket numbers.
 */
@ApplicationScoped
public class Rehearsals {
    private static final String MARK = Rehearsals.class.getName();

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** The current transaction is a rehearsal: its caller rolls it back. */
    public void markCurrentTransaction() {
        transactions.putResource(MARK, Boolean.TRUE);
    }

    /** Whether the current transaction (if any) is a rehearsal. */
    public boolean underway() {
        int status = transactions.getTransactionStatus();
        return (status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK)
                && transactions.getResource(MARK) != null;
    }
}
