package com.example.inventory.deduction.strategy;

import java.util.List;
import java.util.Map;

import com.example.inventory.deduction.DeductionSettings;
import com.example.inventory.deduction.OrderLine;
import com.example.inventory.deduction.Strategy;
import com.example.inventory.product.InsufficientStockException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * One conditional {@code UPDATE … SET stock = stock - q WHERE id = ? AND stock - reserved >= q} per line, in id
 * order, with its ledger entry in the same statement. The check and the change are one step for PostgreSQL, so
 * nothing is read first and the row is locked for the shortest time. A line that updates no row rolls the whole
 * transaction back. Best when a line's check fits in one statement, which is the case here.
 */
@Component
class AtomicStrategy extends SingleTransactionStrategy {

    private final StockRepository stock;

    AtomicStrategy(StockRepository stock, PlatformTransactionManager transactionManager, DeductionSettings settings) {
        super(transactionManager, settings);
        this.stock = stock;
    }

    @Override
    public Strategy name() {
        return Strategy.ATOMIC;
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
