package io.beacon.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {
    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void aLostDatabaseConnectionIsAServiceUnavailableToRetryNotAServerError() {
        // MariaDB Connector/J after a Galera node died mid-transaction: it reconnected to the next node, the transaction is gone
        Throwable lost = new PersistenceException("JDBC exception executing SQL",
                new SQLException("Driver has reconnect connection after a communications link failure with 127.0.0.1:3316",
                        "25S03"));
        Problem problem = mapper.problemFor(lost);
        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.type()).endsWith("/retry");
        assertThat(problem.detail()).contains("nothing was saved");
        // told in the reader's language by its key (the answer also says Retry-After: 1)
        assertThat(ProblemMessages.render(ProblemMapper.DATABASE_RETRY_KEY, java.util.Map.of(), "ko")).hasValueSatisfying(
                text -> assertThat(text).contains("저장되지 않았습니다"));
    }

    @Test
    void aLostConflictWithAnotherTransactionIsAServiceUnavailableToRetry() {
        // a Galera certification failure comes back as a deadlock (1213, SQL state 40001)
        Throwable deadlock = new PersistenceException(new SQLTransactionRollbackException("Deadlock found", "40001", 1213));
        assertThat(mapper.problemFor(deadlock).status()).isEqualTo(503);
    }

    @Test
    void anIdentifierHandedOutTwiceIsARetryButADuplicateOfTheClientsDataIsAConflict() {
        // a sequence step lost with a Galera node's transaction: the id comes again
        Throwable identifier = new PersistenceException(new SQLException("(conn=11) Duplicate entry '73987' for key 'PRIMARY'",
                "23000", 1062));
        assertThat(mapper.problemFor(identifier).status()).isEqualTo(503);
        Throwable data = new PersistenceException(new SQLException(
                "(conn=11) Duplicate entry 'web-01' for key 'uk_ci_name': constraint violated", "23000", 1062));
        assertThat(mapper.problemFor(data).status()).isEqualTo(409);
        Throwable member = new PersistenceException(new SQLException(
                "(conn=11) Duplicate entry '5-7' for key 'PRIMARY'", "23000", 1062)); // a member added twice
        assertThat(mapper.problemFor(member).status()).isEqualTo(409);
    }

    @Test
    void anyOtherFailureStaysAnInternalErrorThatNamesItsLogEntry() {
        Problem problem = mapper.problemFor(new IllegalStateException("bug"));
        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.detail()).contains("server log");
    }
}
