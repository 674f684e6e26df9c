package com.example.inventory.stock;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * One conditional {@code UPDATE} per line, in product id order, that applies the movement only if the result keeps
 * the stock rule, with its ledger entry in the same statement. The check and the change are one step for
 * PostgreSQL, so the row is locked for the shortest time and nothing is read first (but the ids that order the
 * lines of a multi-line order). A line that updates no row rolls the whole transaction back. Best when a line's
 * check fits in one statement, which is the case here.
 */
@Component
class AtomicStrategy extends SingleOrderStrategy {

    private final ProductRepository products;

    AtomicStrategy(ProductRepository products, PlatformTransactionManager transactionManager,
                   CommitVerifier verifier) {
        super(transactionManager, verifier);
        this.products = products;
    }

    @Override
    public Strategy name() {
        return Strategy.ATOMIC;
    }

    @Override
    void change(List<OrderLine> lines, MovementKind kind, String orderId) {
        List<OrderLine> inLockOrder = lines.size() == 1 ? lines : inIdOrder(lines);
        for (OrderLine line : inLockOrder) {
            int quantity = line.quantity();
            if (products.changeIfWithinBounds(line.sku(), kind.name(), quantity, kind.stockDelta(quantity),
                    kind.reservedDelta(quantity), orderId) == 0) {
                StockLevels levels = products.levelsOf(line.sku())
                        .orElseThrow(() -> ProductNotFoundException.of(line.sku()));
                throw Product.refusalOf(kind, line.sku(), quantity, levels);
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
        List<String> skus = products.skusInIdOrder(Lines.skus(lines));
        Lines.requireAllFound(lines, skus, sku -> sku);
        Map<String, Integer> quantities = Lines.quantitiesBySku(lines);
        return skus.stream().map(sku -> new OrderLine(sku, quantities.get(sku))).toList();
    }
}
