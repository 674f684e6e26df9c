package com.example.inventory.stock.fault;

import com.example.inventory.stock.PlacementMode;
import com.example.inventory.stock.StockSettings;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Finding out whether a write committed, without a database: ask again while the database is gone or cannot tell
 * yet, answer as soon as it tells, give up with 503 after the commit-check timeout.
 */
class CommitVerifierTests {

    private static final RuntimeException GONE = new DataAccessResourceFailureException("gone",
            new SQLTransientConnectionException("connection refused", "08001"));
    private static final RuntimeException LOST_COMMIT = new DataAccessResourceFailureException("lost");

    private final AtomicInteger asked = new AtomicInteger();

    @Test
    void asksAgainWhileTheDatabaseIsGoneOrCannotTellThenAnswersWhatItTells() {
        CommitVerifier verifier = verifier(Duration.ofSeconds(10));

        boolean committed = verifier.committed(() -> {
            int attempt = asked.incrementAndGet();
            if (attempt <= 2) {
                throw GONE;
            }
            return attempt == 3 ? null : Boolean.TRUE;
        }, LOST_COMMIT);

        assertThat(committed).isTrue();
        assertThat(asked).hasValue(4);
    }

    @Test
    void answersThatTheWriteDidNotCommit() {
        assertThat(verifier(Duration.ofSeconds(10)).committed(() -> {
            asked.incrementAndGet();
            return Boolean.FALSE;
        }, LOST_COMMIT)).isFalse();
        assertThat(asked).hasValue(1);
    }

    @Test
    void rethrowsAnyOtherFailureAtOnce() {
        CommitVerifier verifier = verifier(Duration.ofSeconds(10));

        assertThatIllegalArgumentException().isThrownBy(() -> verifier.committed(() -> {
            asked.incrementAndGet();
            throw new IllegalArgumentException("a bug");
        }, LOST_COMMIT));
        assertThat(asked).hasValue(1);
    }

    @Test
    void givesUpWhenTheNextPauseWouldEndAfterTheCommitCheckTimeout() {
        CommitVerifier verifier = verifier(Duration.ofMillis(300));
        long started = System.nanoTime();

        assertThatThrownBy(() -> verifier.committed(() -> {
            asked.incrementAndGet();
            throw GONE;
        }, LOST_COMMIT))
                .isInstanceOf(DataAccessResourceFailureException.class)
                .hasMessageContaining("did not come back in time")
                .hasCause(LOST_COMMIT);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(300));
        assertThat(asked.get()).as("at 0, 50 and 150 ms; a pause of 200 ms more would end too late").isBetween(2, 3);
    }

    private static CommitVerifier verifier(Duration commitCheckTimeout) {
        StockSettings settings = new StockSettings(PlacementMode.BATCHED, Duration.ofSeconds(2),
                new StockSettings.Retry(10, Duration.ofMillis(5), 2.0, Duration.ofMillis(200), Duration.ofSeconds(3)),
                new StockSettings.Batch(2, 500, 2000, 2000), commitCheckTimeout);
        return new CommitVerifier(new NoTransactions(), settings);
    }

    /** Transactions that do nothing: the reads under test touch no database. */
    private static final class NoTransactions extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
