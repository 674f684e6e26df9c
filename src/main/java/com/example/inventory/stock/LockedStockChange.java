package com.example.inventory.stock;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The locked mechanism: locks the products of some lines in one query, in ascending id order (waiting at most the
 * lock timeout), applies one movement per line on the entities, writes them, then records the movements. Serves
 * the pessimistic strategy, cancellations and restocks.
 */
@Component
class LockedStockChange {

    private final ProductRepository products;
    private final Ledger ledger;
    private final String lockTimeout;

    LockedStockChange(ProductRepository products, Ledger ledger, StockSettings settings) {
        this.products = products;
        this.ledger = ledger;
        this.lockTimeout = settings.lockTimeoutSetting();
    }

    /**
     * Must run inside a transaction.
     *
     * @return the changed products, in id order
     * @throws ProductNotFoundException for the first line whose SKU is unknown
     */
    List<Product> apply(List<OrderLine> lines, MovementKind kind, @Nullable String reference) {
        products.limitLockWaits(lockTimeout);
        List<Product> locked = products.lockBySkusInIdOrder(Lines.skus(lines));
        Lines.requireAllFound(lines, locked, Product::getSku);
        Map<String, Integer> quantities = Lines.quantitiesBySku(lines);
        locked.forEach(product -> product.apply(kind, quantities.get(product.getSku())));
        products.flush();
        ledger.record(locked.stream()
                .map(product -> Movement.of(product, kind, quantities.get(product.getSku()), reference)).toList());
        return locked;
    }
}
