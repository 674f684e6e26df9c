package com.example.inventory.deduction.strategy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import com.example.inventory.deduction.ContentionException;
import com.example.inventory.deduction.DeductionMetrics;
import com.example.inventory.deduction.DeductionSettings;
import com.example.inventory.deduction.OrderLine;
import com.example.inventory.deduction.Strategy;
import com.example.inventory.ledger.Ledger;
import com.example.inventory.ledger.MovementKind;
import com.example.inventory.product.Product;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the products without locks and changes them on the entities; the {@code @Version} check of the update
 * catches any change made meanwhile. Then the whole transaction is rolled back and retried, each attempt in a
 * new transaction, with exponential backoff and full jitter, bounded in attempts and time. Best when conflicts
 * are rare: nothing waits on a lock, but under heavy contention attempts are wasted.
 */
@Component
class OptimisticStrategy implements DeductionStrategy {

    private final StockRepository stock;
    private final Ledger ledger;
    private final TransactionTemplate transactions;
    private final RetryTemplate retries;
    private final DeductionMetrics metrics;

    OptimisticStrategy(StockRepository stock, Ledger ledger, PlatformTransactionManager transactionManager,
                       DeductionSettings settings, DeductionMetrics metrics) {
        this.stock = stock;
        this.metrics = metrics;
        this.ledger = ledger;
        this.transactions = new TransactionTemplate(transactionManager);
        DeductionSettings.Retry retry = settings.retry();
        this.retries = new RetryTemplate(RetryPolicy.builder()
                .includes(OptimisticLockingFailureException.class)
                .backOff(new FullJitterBackOff(retry.maxAttempts(), retry.initialDelay(), retry.multiplier(),
                        retry.maxDelay()))
                .timeout(retry.timeout())
                .build());
    }

    @Override
    public Strategy name() {
        return Strategy.OPTIMISTIC;
    }

    /** The retry wraps the transaction from outside, so every attempt starts a fresh transaction. */
    @Override
    public <T> T inTransactions(IntFunction<T> attempt) {
        AtomicInteger attempts = new AtomicInteger();
        try {
            return retries.execute(() -> {
                try {
                    return transactions.execute(status -> attempt.apply(attempts.incrementAndGet()));
                } catch (OptimisticLockingFailureException conflict) {
                    metrics.optimisticConflict(name());
                    throw conflict;
                }
            });
        } catch (RetryException e) {
            Throwable last = e.getLastException() != null ? e.getLastException() : e.getCause();
            if (last instanceof OptimisticLockingFailureException) {
                throw ContentionException.retriesExhausted(attempts.get(), last);
            }
            if (last instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (last instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(last);
        }
    }

    @Override
    public void takeStock(List<OrderLine> lines, String orderId) {
        List<Product> products = stock.findBySkusInIdOrder(Lines.skus(lines));
        Lines.requireAllFound(lines, products, Product::getSku);
        Map<String, Integer> quantities = Lines.quantitiesBySku(lines);
        products.forEach(product -> {
            product.deduct(quantities.get(product.getSku()));
            ledger.record(product.getId(), MovementKind.DEDUCT, quantities.get(product.getSku()), product.getStock(),
                    orderId);
        });
        // The version check runs last: UPDATE … WHERE id = ? AND version = ? finds no row if another transaction
        // got in first. Writing the ledger before it keeps the winner's row lock (update to commit) short, which
        // shortens the window in which others read a version that is about to go stale. Ledger order per product
        // still follows commit order: a winner read the product after the previous winner committed.
        stock.flush();
    }
}
