package com.example.inventory.common;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a failure that says the database could not be reached or went away (a lost or terminated connection,
 * a server shutting down or starting, an exhausted pool), whatever Spring, Hibernate or the driver wrapped it in: a
 * failed rollback on a dead connection surfaces as a {@code TransactionSystemException}, a dead connection as a
 * {@code JpaSystemException}, and so on. Such a failure is the database's, not the request's: 503, never 500.
 */
public final class DatabaseFaults {

    private DatabaseFaults() {
    }

    /** Whether {@code failure}, or one of its causes, is the database being unreachable or gone. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && (isUnavailable(sql.getSQLState()) || isClosedByThePool(sql))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * HikariCP closes a connection it found broken (SQLSTATE 57P01, 08…) at once; what the transaction does with it
     * next — typically the rollback — then fails with a bare {@link SQLException} without a SQLSTATE, and Spring
     * reports that failure instead of the first one. Only the pool raises such a one: the driver reports every
     * failure as its own subclass ({@code PSQLException}), with a SQLSTATE.
     */
    private static boolean isClosedByThePool(SQLException failure) {
        return failure.getClass() == SQLException.class && failure.getSQLState() == null;
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P01–57P03 (administrator or crash shutdown, cannot connect now),
     * 53300 (too many connections).
     */
    private static boolean isUnavailable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P")
                || sqlState.equals("53300"));
    }
}
