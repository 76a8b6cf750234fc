package io.beacon.platform.domain;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure because the database connection went away (a database node died, the driver
 * moved to the next node of a Galera cluster and the transaction was lost with the old connection)
 * from a failure of the request itself: nothing was written, and the same request succeeds once
 * the connection is back. Read from the JDBC cause, whatever the persistence layer wrapped it in.
 */
public final class DatabaseOutages {
    /** MariaDB Connector/J: it reconnected after a communications failure, and the open transaction is lost. */
    private static final String RECONNECTED_TRANSACTION_LOST = "25S03";

    private DatabaseOutages() {
    }

    /** Whether the failure, or anything it was caused by, is a lost database connection. */
    public static boolean connectionLost(Throwable failure) {
        return SqlCauses.any(failure, sql -> sql instanceof SQLTransientConnectionException
                || sql instanceof SQLNonTransientConnectionException || sql instanceof SQLRecoverableException
                || sql.getSQLState() != null
                        && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals(RECONNECTED_TRANSACTION_LOST)));
    }
}
