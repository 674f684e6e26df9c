package com.example.inventory.stock.model;

import com.example.inventory.common.InventoryLimits;
import com.example.inventory.stock.MovementKind;


/**
 * A product's two counters, and <em>the</em> rule every change of them keeps: {@code 0 ≤ reserved ≤ stock ≤
 * MAX_STOCK}. The entity checks it in Java ({@link #withinBounds()}), the atomic strategy's conditional
 * {@code UPDATE} in SQL ({@link #WITHIN_BOUNDS_AFTER_DELTAS_SQL}); both are written here, side by side, and
 * {@code StockRuleTests} proves they agree with each other and with the table's {@code CHECK} constraints.
 */
public record StockLevels(long stock, long reserved) {

    /** The contract's upper bound for a stock value. */
    public static final int MAX_STOCK = InventoryLimits.MAX_STOCK;

    StockLevels after(MovementKind kind, int quantity) {
        return new StockLevels(stock + kind.stockDelta(quantity), reserved + kind.reservedDelta(quantity));
    }

    boolean withinBounds() {
        return 0 <= reserved && reserved <= stock && stock <= MAX_STOCK;
    }

    public long available() {
        return stock - reserved;
    }

    /**
     * {@link #withinBounds()} in SQL, for a {@code product} row after adding the parameters {@code :stockDelta} and
     * {@code :reservedDelta}. A constant, so that the conditional update ({@link StockStatements#CHANGE_IF_WITHIN_BOUNDS})
     * is built from it.
     */
    static final String WITHIN_BOUNDS_AFTER_DELTAS_SQL = "0 <= reserved + :reservedDelta"
            + " AND reserved + :reservedDelta <= stock + :stockDelta"
            + " AND stock + :stockDelta <= " + MAX_STOCK;
}
