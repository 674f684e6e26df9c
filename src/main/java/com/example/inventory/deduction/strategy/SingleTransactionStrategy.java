package com.example.inventory.deduction.strategy;

import java.util.function.IntFunction;

import com.example.inventory.deduction.DeductionSettings;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A strategy that never retries: it waits for its row locks (at most the lock timeout) instead, so one
 * transaction either takes the stock or fails for good.
 */
abstract class SingleTransactionStrategy implements DeductionStrategy {

    private final TransactionTemplate transactions;
    /** {@code inventory.deduction.lock-timeout} as PostgreSQL's {@code lock_timeout} wants it. */
    protected final String lockTimeout;

    SingleTransactionStrategy(PlatformTransactionManager transactionManager, DeductionSettings settings) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.lockTimeout = Lines.postgresDuration(settings.lockTimeout());
    }

    @Override
    public final <T> T inTransactions(IntFunction<T> attempt) {
        return transactions.execute(status -> attempt.apply(1));
    }
}
