package com.example.inventory.common;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/** A lost database is told apart by types and SQLSTATEs, through whatever wraps them. */
class DatabaseFaultsTests {

    @Test
    void recognisesAConnectionThatFailedOrWasTerminated() {
        assertThat(DatabaseFaults.isUnavailable(wrapped(new PSQLException("I/O error",
                PSQLState.CONNECTION_FAILURE)))).isTrue();
        assertThat(DatabaseFaults.isUnavailable(wrapped(new SQLException("terminated by administrator", "57P01"))))
                .isTrue();
        assertThat(DatabaseFaults.isUnavailable(wrapped(new SQLException("too many connections", "53300")))).isTrue();
        assertThat(DatabaseFaults.isUnavailable(wrapped(new SQLTransientConnectionException("pool timeout"))))
                .isTrue();
    }

    @Test
    void recognisesTheRollbackOnAConnectionThePoolHasClosed() {
        // What HikariCP throws for every use of a connection it closed as broken; Spring wraps the rollback's.
        SQLException closedByThePool = new SQLException("Connection is closed");

        assertThat(DatabaseFaults.isUnavailable(new UncategorizedSQLException("rollback", null, closedByThePool)))
                .isTrue();
        assertThat(DatabaseFaults.isUnavailable(new TransactionSystemException("rollback", closedByThePool))).isTrue();
    }

    @Test
    void leavesEveryOtherFailureAlone() {
        assertThat(DatabaseFaults.isUnavailable(wrapped(new PSQLException("duplicate key",
                PSQLState.UNIQUE_VIOLATION)))).isFalse();
        assertThat(DatabaseFaults.isUnavailable(wrapped(new PSQLException("a driver failure without a state",
                null)))).isFalse();
        assertThat(DatabaseFaults.isUnavailable(wrapped(new SQLException("lock timeout", "55P03")))).isFalse();
        assertThat(DatabaseFaults.isUnavailable(new IllegalStateException("a bug"))).isFalse();
    }

    /** As Spring and Hibernate wrap a driver's failure, a layer or two deep. */
    private static RuntimeException wrapped(SQLException failure) {
        return new RuntimeException("outer", new RuntimeException("inner", failure));
    }
}
