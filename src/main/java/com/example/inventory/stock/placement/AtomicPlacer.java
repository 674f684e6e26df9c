package com.example.inventory.stock.placement;

import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.OrderLine;
import com.example.inventory.stock.PlacementMode;
import com.example.inventory.stock.StockOrder;
import com.example.inventory.stock.fault.CommitVerifier;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * One conditional {@code UPDATE} per line, in product id order, that applies the movement only if the result keeps
 * the stock rule, with its ledger entry in the same statement ({@link ConditionalStockChange}). The check and the
 * change are one step for PostgreSQL, so the row is locked for the shortest time and nothing is read first (but
 * the ids that order the lines of a multi-line order). A line that updates no row rolls the whole transaction
 * back. Best when a line's check fits in one statement, which is the case here.
 */
@Component
class AtomicPlacer extends SingleOrderPlacer {

    private final ConditionalStockChange conditionalStock;

    AtomicPlacer(ConditionalStockChange conditionalStock, DataSource dataSource, CommitVerifier verifier) {
        // Plain JDBC from the claim to the commit: a JDBC transaction, without the ORM session a JPA one opens.
        super(new DataSourceTransactionManager(dataSource), verifier);
        this.conditionalStock = conditionalStock;
    }

    @Override
    public PlacementMode name() {
        return PlacementMode.ATOMIC;
    }

    @Override
    void change(StockOrder order, MovementKind kind) {
        conditionalStock.apply(order, kind);
    }
}
