package com.example.inventory.deduction.strategy;

import java.util.function.IntFunction;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A strategy that never retries: it waits for its row locks (at most the lock timeout) instead, so one
 * transaction either takes the stock or fails for good.
 */
abstract class SingleTransactionStrategy implements DeductionStrategy {

    private final TransactionTemplate transactions;

    SingleTransactionStrategy(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public final <T> T inTransactions(IntFunction<T> attempt) {
        return transactions.execute(status -> attempt.apply(1));
    }
}
