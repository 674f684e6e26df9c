package com.example.inventory.stock;

import com.example.inventory.stock.fault.CommitVerifier;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions for writes that have no key of their own to look up afterwards (a restock, a cancellation, a
 * reservation's decision): each notes its PostgreSQL transaction id first, so that when its connection fails the
 * service can ask the server, on a fresh connection, whether it committed ({@code pg_xact_status}) and answer
 * accordingly. Orders need none of this: their order ids tell.
 */
@Component
public class TrackedTransactions {

    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final CommitVerifier verifier;

    TrackedTransactions(PlatformTransactionManager transactionManager, JdbcClient jdbc, CommitVerifier verifier) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.verifier = verifier;
    }

    /**
     * Runs {@code work} in a new transaction and returns what it returned, also when the connection failed while the
     * transaction committed.
     *
     * @throws org.springframework.dao.DataAccessResourceFailureException when the connection failed and the
     *         transaction did not commit (nothing changed), or the database did not come back in time to tell
     */
    public <T> T write(Supplier<T> work) {
        AtomicReference<@Nullable String> xid = new AtomicReference<>();
        AtomicReference<@Nullable T> result = new AtomicReference<>();
        try {
            transactions.executeWithoutResult(status -> {
                xid.set(jdbc.sql("SELECT pg_current_xact_id()::text").query(String.class).single());
                result.set(work.get());
            });
        } catch (RuntimeException e) {
            String started = xid.get();
            if (started == null || !CommitVerifier.mayHaveCommitted(e)) {
                throw e;
            }
            if (!verifier.committed(() -> committed(started), e)) {
                throw CommitVerifier.nothingChanged(e);
            }
        }
        T done = result.get();
        if (done == null) {
            throw new IllegalStateException("A tracked write returned nothing");
        }
        return done;
    }

    /** {@code pg_xact_status}: committed, aborted, or still in progress (a backend that has yet to notice). */
    private @Nullable Boolean committed(String xid) {
        String status = jdbc.sql("SELECT pg_xact_status(cast(? AS xid8))").param(xid).query(String.class).optional()
                .orElse(null);
        if (status == null || status.equals("in progress")) {
            return null;
        }
        return status.equals("committed");
    }
}
