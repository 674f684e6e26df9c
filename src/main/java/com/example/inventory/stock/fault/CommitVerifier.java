package com.example.inventory.stock.fault;

import com.example.inventory.common.DatabaseFaults;

import com.example.inventory.stock.StockSettings;
import java.time.Duration;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After a write's connection failed, finds out on a fresh connection whether the write committed: the commit may
 * have reached the server and only its answer been lost. The service answers only once it knows — a committed
 * write as the success it was, anything else as 503 with nothing changed — so a 5xx never hides a change.
 */
@Component
public class CommitVerifier {

    private static final Logger log = LoggerFactory.getLogger(CommitVerifier.class);

    private final TransactionTemplate reads;
    private final Duration patience;

    CommitVerifier(PlatformTransactionManager transactionManager, StockSettings settings) {
        this.reads = new TransactionTemplate(transactionManager);
        this.reads.setReadOnly(true);
        this.patience = settings.commitCheckTimeout();
    }

    /**
     * Whether {@code failure} may have hidden a commit: the database went away while the transaction ran. A failure
     * to get a connection at all, or any other failure, started nothing that could have committed.
     */
    public static boolean mayHaveCommitted(Throwable failure) {
        return DatabaseFaults.isUnavailable(failure) && !(failure instanceof CannotCreateTransactionException);
    }

    /**
     * Asks {@code committed} — a read that tells whether the write is in the database — in a new transaction, again
     * and again while the database is unreachable, for at most {@code inventory.deduction.commit-check-timeout}.
     *
     * @param committed true when the write committed, false when it did not, null when it cannot tell yet
     * @throws DataAccessResourceFailureException when the database did not answer in time: the outcome is unknown
     */
    public boolean committed(Supplier<@Nullable Boolean> committed, Throwable failure) {
        long deadline = System.nanoTime() + patience.toNanos();
        long pauseMillis = 50;
        while (true) {
            try {
                Boolean answer = reads.execute(status -> committed.get());
                if (answer != null) {
                    return answer;
                }
            } catch (RuntimeException e) {
                if (!DatabaseFaults.isUnavailable(e)) {
                    throw e;
                }
            }
            if (System.nanoTime() + pauseMillis * 1_000_000 > deadline) {
                log.error("Could not find out within {} whether a write committed after its connection failed "
                        + "({}); answering 503. A retry with the same order id is safe.", patience, failure.toString());
                throw new DataAccessResourceFailureException("The database did not come back in time to tell "
                        + "whether the change committed", failure);
            }
            sleep(pauseMillis);
            pauseMillis = Math.min(1_000, pauseMillis * 2);
        }
    }

    /** The failure to answer with when the write did not commit: 503, nothing changed. */
    public static DataAccessResourceFailureException nothingChanged(Throwable failure) {
        return new DataAccessResourceFailureException("The database connection failed; nothing was changed", failure);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataAccessResourceFailureException("Interrupted while finding out whether a write committed", e);
        }
    }
}
