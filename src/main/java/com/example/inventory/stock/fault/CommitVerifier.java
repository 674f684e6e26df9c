package com.example.inventory.stock.fault;

import com.example.inventory.common.DatabaseFaults;
import com.example.inventory.stock.StockSettings;
import java.time.Duration;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
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
    private final RetryTemplate untilTheDatabaseTells;

    CommitVerifier(PlatformTransactionManager transactionManager, StockSettings settings) {
        this.reads = new TransactionTemplate(transactionManager);
        this.reads.setReadOnly(true);
        this.patience = settings.commitCheckTimeout();
        this.untilTheDatabaseTells = new RetryTemplate(RetryPolicy.builder()
                .predicate(CommitVerifier::cannotTellYet)
                .delay(Duration.ofMillis(50)).multiplier(2).maxDelay(Duration.ofSeconds(1))
                .maxRetries(Long.MAX_VALUE)
                // Bounded by time alone; at least a millisecond, as a timeout of 0 would mean none.
                .timeout(Duration.ofMillis(Math.max(1, patience.toMillis())))
                .build());
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
     * and again while the database is unreachable or cannot tell yet (pauses from 50 ms doubling up to 1 s), for at
     * most {@code inventory.deduction.commit-check-timeout}.
     *
     * @param committed true when the write committed, false when it did not, null when it cannot tell yet
     * @throws DataAccessResourceFailureException when the database did not answer in time: the outcome is unknown
     */
    public boolean committed(Supplier<@Nullable Boolean> committed, Throwable failure) {
        try {
            return untilTheDatabaseTells.execute(() -> {
                Boolean answer = reads.execute(status -> committed.get());
                if (answer == null) {
                    throw new NotYetKnown();
                }
                return answer;
            });
        } catch (RetryException e) {
            Throwable last = e.getLastException() != null ? e.getLastException() : e.getCause();
            if (last instanceof Error error) {
                throw error;
            }
            if (last instanceof RuntimeException other && !cannotTellYet(other)) {
                throw other;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new DataAccessResourceFailureException("Interrupted while finding out whether a write committed",
                        e);
            }
            log.error("Could not find out within {} whether a write committed after its connection failed "
                    + "({}); answering 503. A retry with the same order id is safe.", patience, failure.toString());
            throw new DataAccessResourceFailureException("The database did not come back in time to tell "
                    + "whether the change committed", failure);
        }
    }

    /** The failure to answer with when the write did not commit: 503, nothing changed. */
    public static DataAccessResourceFailureException nothingChanged(Throwable failure) {
        return new DataAccessResourceFailureException("The database connection failed; nothing was changed", failure);
    }

    private static boolean cannotTellYet(Throwable failure) {
        return failure instanceof NotYetKnown || DatabaseFaults.isUnavailable(failure);
    }

    /** The database answered but cannot tell yet (a transaction still in progress): ask again. */
    private static final class NotYetKnown extends RuntimeException {

        NotYetKnown() {
            super("The database cannot tell yet", null, false, false);
        }
    }
}
