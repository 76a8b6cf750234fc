package io.beacon.platform.domain;

import java.sql.SQLException;
import java.util.function.Predicate;

/** The JDBC failures inside a failure, whatever the persistence layer wrapped them in. */
public final class SqlCauses {
    private SqlCauses() {
    }

    /** Whether the failure, or anything it was caused by, is an SQL failure that {@code test} accepts. */
    public static boolean any(Throwable failure, Predicate<SQLException> test) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && test.test(sql)) {
                return true;
            }
        }
        return false;
    }
}
