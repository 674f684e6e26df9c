package com.example.inventory.stock.placement;

import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.Allocated;
import com.example.inventory.stock.OrderClaims;
import com.example.inventory.stock.Placement;
import com.example.inventory.stock.PlacementMode;
import com.example.inventory.stock.StockOrder;
import com.example.inventory.stock.fault.CommitVerifier;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Conditional {@code UPDATE}s that apply the movement only if the result keeps the stock rule, each with its ledger
 * entry in the same statement ({@link ConditionalStockChange}): a one-line order is one statement (at its pinned or
 * preferred location); a multi-line order's allocated parts are one each, in (product id, location) order, after one
 * read of its rows. The check and the change are one step for PostgreSQL, so a row is locked for the shortest time.
 * What one statement cannot decide (a line that must be split across locations, rows that changed under a multi-line
 * order) is allocated on the locked rows instead. Best when a line's check fits in one statement, which is the case
 * for every line one location can serve.
 */
@Component
class AtomicPlacer extends SingleOrderPlacer {

    private final ConditionalStockChange conditionalStock;

    AtomicPlacer(ConditionalStockChange conditionalStock, PlatformTransactionManager transactionManager,
                 CommitVerifier verifier) {
        // Plain JDBC from the claim to the commit, but in the service's (JPA) transaction, whose ORM session stays
        // empty: the event publication registry records an order's events in its transaction through that manager,
        // which cannot join a JDBC-only (DataSourceTransactionManager) transaction.
        super(transactionManager, verifier);
        this.conditionalStock = conditionalStock;
    }

    @Override
    public PlacementMode name() {
        return PlacementMode.ATOMIC;
    }

    /**
     * The conditional updates first; when they cannot place an order that fits (a line to split, rows that changed
     * under it), a second attempt, in a new transaction, allocates it on its locked rows.
     */
    @Override
    public <O extends StockOrder> Placement place(O order, OrderClaims<O> book) {
        try {
            return inTransaction(order, book, 1);
        } catch (StaleAllocationException stale) {
            return inTransaction(order, book, 2, conditionalStock::applyOnLockedRows);
        }
    }

    @Override
    List<List<Allocated>> change(StockOrder order, MovementKind kind) {
        return conditionalStock.apply(order, kind);
    }
}
