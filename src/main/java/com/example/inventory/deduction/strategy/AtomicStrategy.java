package com.example.inventory.deduction.strategy;

import java.util.List;
import java.util.Map;

import com.example.inventory.deduction.DeductionSettings;
import com.example.inventory.deduction.OrderLine;
import com.example.inventory.deduction.Strategy;
import com.example.inventory.product.InsufficientStockException;
import com.example.inventory.product.ProductNotFoundException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * One conditional {@code UPDATE … SET stock = stock - q WHERE sku = ? AND stock - reserved >= q} per line, in
 * product id order, with its ledger entry in the same statement. The check and the change are one step for
 * PostgreSQL, so the row is locked for the shortest time and nothing is read first (but the ids that order the
 * lines of a multi-line order). A line that updates no row rolls the whole transaction back. Best when a line's
 * check fits in one statement, which is the case here.
 */
@Component
class AtomicStrategy extends SingleTransactionStrategy {

    private final StockRepository stock;
    private final String lockTimeout;

    AtomicStrategy(StockRepository stock, PlatformTransactionManager transactionManager, DeductionSettings settings) {
        super(transactionManager);
        this.stock = stock;
        this.lockTimeout = Lines.postgresDuration(settings.lockTimeout());
    }

    @Override
    public Strategy name() {
        return Strategy.ATOMIC;
    }

    @Override
    public void takeStock(List<OrderLine> lines, String orderId) {
        List<OrderLine> inLockOrder = lines.size() == 1 ? lines : inIdOrder(lines);
        stock.limitLockWaits(lockTimeout);
        for (OrderLine line : inLockOrder) {
            if (stock.takeIfAvailable(line.sku(), line.quantity(), orderId) == 0) {
                int available = stock.availableOf(line.sku()).orElseThrow(() -> ProductNotFoundException.of(line.sku()));
                throw InsufficientStockException.of(line.sku(), line.quantity(), available);
            }
        }
    }

    /**
     * The lines in ascending product id order, the one global lock order. A single line needs no order (one row
     * cannot deadlock), which saves this query on the most common orders.
     *
     * @throws ProductNotFoundException for the first line whose SKU is unknown
     */
    private List<OrderLine> inIdOrder(List<OrderLine> lines) {
        List<ProductKey> products = stock.keysBySkusInIdOrder(Lines.skus(lines));
        Lines.requireAllFound(lines, products, ProductKey::sku);
        Map<String, Integer> quantities = Lines.quantitiesBySku(lines);
        return products.stream().map(product -> new OrderLine(product.sku(), quantities.get(product.sku()))).toList();
    }
}
