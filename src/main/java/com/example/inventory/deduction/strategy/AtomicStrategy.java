package com.example.inventory.deduction.strategy;

import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import com.example.inventory.deduction.DeductionSettings;
import com.example.inventory.deduction.OrderLine;
import com.example.inventory.deduction.Strategy;
import com.example.inventory.product.InsufficientStockException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One conditional {@code UPDATE … SET stock = stock - q WHERE id = ? AND stock - reserved >= q} per line, in id
 * order, with its ledger entry in the same statement. The check and the change are one step for PostgreSQL, so
 * nothing is read first and the row is locked for the shortest time. A line that updates no row rolls the whole
 * transaction back. Best when a line's check fits in one statement, which is the case here.
 */
@Component
class AtomicStrategy implements DeductionStrategy {

    private final StockRepository stock;
    private final TransactionTemplate transactions;
    private final String lockTimeout;

    AtomicStrategy(StockRepository stock, PlatformTransactionManager transactionManager, DeductionSettings settings) {
        this.stock = stock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.lockTimeout = Lines.postgresDuration(settings.lockTimeout());
    }

    @Override
    public Strategy name() {
        return Strategy.ATOMIC;
    }

    @Override
    public <T> T inTransactions(IntFunction<T> attempt) {
        return transactions.execute(status -> attempt.apply(1));
    }

    @Override
    public void takeStock(List<OrderLine> lines, String orderId) {
        List<ProductKey> products = stock.keysBySkusInIdOrder(Lines.skus(lines));
        Lines.requireAllFound(lines, products, ProductKey::sku);
        stock.limitLockWaits(lockTimeout);
        Map<String, Integer> quantities = Lines.quantitiesBySku(lines);
        for (ProductKey product : products) {
            int quantity = quantities.get(product.sku());
            if (stock.takeIfAvailable(product.id(), quantity, orderId) == 0) {
                throw InsufficientStockException.of(product.sku(), quantity, stock.availableOf(product.id()));
            }
        }
    }
}
