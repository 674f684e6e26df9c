package com.example.inventory.deduction.strategy;

import java.util.List;
import java.util.Map;

import com.example.inventory.deduction.DeductionSettings;
import com.example.inventory.deduction.OrderLine;
import com.example.inventory.deduction.Strategy;
import com.example.inventory.ledger.Ledger;
import com.example.inventory.ledger.MovementKind;
import com.example.inventory.product.Product;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Locks all of the order's product rows in one {@code SELECT … ORDER BY id FOR NO KEY UPDATE}, checks and changes
 * them on the entities, then commits. Waits for a lock at most {@code inventory.deduction.lock-timeout}. Best when
 * many orders fight over the same few products: they queue on the row lock instead of failing and retrying.
 */
@Component
class PessimisticStrategy extends SingleTransactionStrategy {

    private final StockRepository stock;
    private final Ledger ledger;

    PessimisticStrategy(StockRepository stock, Ledger ledger, PlatformTransactionManager transactionManager,
                        DeductionSettings settings) {
        super(transactionManager, settings);
        this.stock = stock;
        this.ledger = ledger;
    }

    @Override
    public Strategy name() {
        return Strategy.PESSIMISTIC;
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
