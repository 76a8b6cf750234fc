package io.beacon.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;

/** A lost lock conflict is recognised however deep the persistence layer wrapped it; other failures are not. */
class LockConflictsTest {
    @Test
    void aDeadlockVictimWrappedTwiceIsALostConflict() {
        SQLException deadlock = new SQLException("Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);
        RuntimeException wrapped = new IllegalStateException("could not execute batch", new RuntimeException("batch", deadlock));
        assertThat(LockConflicts.lost(wrapped)).isTrue();
    }

    @Test
    void lockWaitTimeoutsOfMariaDbAndH2AndTransactionRollbacksAreLostConflicts() {
        assertThat(LockConflicts.lost(new RuntimeException(new SQLException("Lock wait timeout exceeded", "HY000", 1205)))).isTrue();
        assertThat(LockConflicts.lost(new RuntimeException(new SQLException("Timeout trying to lock table", "HYT00", 50200)))).isTrue();
        assertThat(LockConflicts.lost(new SQLTransactionRollbackException("rolled back"))).isTrue();
    }

    @Test
    void aBrokenConstraintOrAPlainBugIsNot() {
        assertThat(LockConflicts.lost(new RuntimeException(new SQLException("Duplicate entry", "23000", 1062)))).isFalse();
        assertThat(LockConflicts.lost(new NullPointerException())).isFalse();
    }
}
