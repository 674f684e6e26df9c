package com.example.inventory.deduction.strategy;

import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import com.example.inventory.deduction.DeductionSettings;
import com.example.inventory.deduction.OrderLine;
import com.example.inventory.deduction.Strategy;
import com.example.inventory.ledger.Ledger;
import com.example.inventory.ledger.MovementKind;
import com.example.inventory.product.Product;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Locks all of the order's product rows in one {@code SELECT … ORDER BY id FOR NO KEY UPDATE}, checks and changes
 * them on the entities, then commits. Waits for a lock at most {@code inventory.deduction.lock-timeout}. Best when
 * many orders fight over the same few products: they queue on the row lock instead of failing and retrying.
 */
@Component
class PessimisticStrategy implements DeductionStrategy {

    private final StockRepository stock;
    private final Ledger ledger;
    private final TransactionTemplate transactions;
    private final String lockTimeout;

    PessimisticStrategy(StockRepository stock, Ledger ledger, PlatformTransactionManager transactionManager,
                        DeductionSettings settings) {
        this.stock = stock;
        this.ledger = ledger;
        this.transactions = new TransactionTemplate(transactionManager);
        this.lockTimeout = Lines.postgresDuration(settings.lockTimeout());
    }

    @Override
    public Strategy name() {
        return Strategy.PESSIMISTIC;
    }

    @Override
    public <T> T inTransactions(IntFunction<T> attempt) {
        return transactions.execute(status -> attempt.apply(1));
    }

    @Override
    public void takeStock(List<OrderLine> lines, String orderId) {
        stock.limitLockWaits(lockTimeout);
        List<Product> products = stock.lockBySkusInIdOrder(Lines.skus(lines));
        Lines.requireAllFound(lines, products, Product::getSku);
        Map<String, Integer> quantities = Lines.quantitiesBySku(lines);
        products.forEach(product -> product.deduct(quantities.get(product.getSku())));
        stock.flush();
        products.forEach(product -> ledger.record(product.getId(), MovementKind.DEDUCT,
                quantities.get(product.getSku()), product.getStock(), orderId));
    }
}
