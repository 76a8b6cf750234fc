package io.beacon.platform.domain;

import java.sql.SQLTransientException;

/**
 * Tells a transaction that lost a lock conflict (a deadlock victim, a lock wait that timed out) from
 * one that failed for good: the first succeeds when simply run again, as the database itself advises
 * ("try restarting transaction"). Read from the JDBC cause, whatever the persistence layer wrapped it in.
 */
public final class LockConflicts {
    /** MariaDB's "Lock wait timeout exceeded", which it reports without a transaction-rollback state. */
    private static final int MARIADB_LOCK_WAIT_TIMEOUT = 1205;

    private LockConflicts() {
    }

    /** Whether the failure, or anything it was caused by, is a lost lock conflict. */
    public static boolean lost(Throwable failure) {
        return SqlCauses.any(failure, sql -> sql instanceof SQLTransientException
                || sql.getSQLState() != null && (sql.getSQLState().startsWith("40") || sql.getSQLState().equals("HYT00"))
                || sql.getErrorCode() == MARIADB_LOCK_WAIT_TIMEOUT);
    }
}
