package com.example.inventory.deduction.strategy;

import java.util.List;
import java.util.Map;
import java.util.function.ObjIntConsumer;

import com.example.inventory.deduction.DeductionSettings;
import com.example.inventory.deduction.OrderLine;
import com.example.inventory.ledger.Ledger;
import com.example.inventory.ledger.MovementKind;
import com.example.inventory.product.Product;

import org.springframework.stereotype.Component;

/**
 * Changes the stock of an order's products under row locks: locks them all in one query in ascending id order
 * (waiting at most the lock timeout), applies the change to each entity, writes the updates, then records one
 * movement per line. Shared by the pessimistic strategy (deduct) and cancellation (give back).
 */
@Component
class LockedStockChange {

    private final StockRepository stock;
    private final Ledger ledger;
    private final String lockTimeout;

    LockedStockChange(StockRepository stock, Ledger ledger, DeductionSettings settings) {
        this.stock = stock;
        this.ledger = ledger;
        this.lockTimeout = Lines.postgresDuration(settings.lockTimeout());
    }

    /**
     * Must run inside a transaction.
     *
     * @throws com.example.inventory.product.ProductNotFoundException for the first line whose SKU is unknown
     */
    void apply(List<OrderLine> lines, String orderId, MovementKind kind, ObjIntConsumer<Product> change) {
        stock.limitLockWaits(lockTimeout);
        List<Product> products = stock.lockBySkusInIdOrder(Lines.skus(lines));
        Lines.requireAllFound(lines, products, Product::getSku);
        Map<String, Integer> quantities = Lines.quantitiesBySku(lines);
        products.forEach(product -> change.accept(product, quantities.get(product.getSku())));
        stock.flush();
        products.forEach(product -> ledger.record(product.getId(), kind, quantities.get(product.getSku()),
                product.getStock(), orderId));
    }
}
