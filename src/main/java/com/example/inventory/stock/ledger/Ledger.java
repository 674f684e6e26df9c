package com.example.inventory.stock.ledger;

import com.example.inventory.stock.MovementView;
import com.example.inventory.stock.model.StockStatements;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/** The append-only record of every stock change; the only writer of {@code stock_movement}. */
@Component
public class Ledger {

    private final StockMovementRepository movements;
    private final StockStatements statements;

    Ledger(StockMovementRepository movements, StockStatements statements) {
        this.movements = movements;
        this.statements = statements;
    }

    /**
     * Appends the movements in one statement, in the order given. Must run inside the transaction that changes
     * the stock, while the products' rows are locked, so that the ledger and the stock can never disagree and the
     * entries of a product are in the order of its changes.
     */
    public void record(List<Movement> entries) {
        if (entries.isEmpty()) {
            return;
        }
        int size = entries.size();
        Long[] productIds = new Long[size];
        String[] kinds = new String[size];
        Integer[] quantities = new Integer[size];
        Integer[] stockAfter = new Integer[size];
        String[] references = new String[size];
        for (int i = 0; i < size; i++) {
            Movement entry = entries.get(i);
            productIds[i] = entry.productId();
            kinds[i] = entry.kind().name();
            quantities[i] = entry.quantity();
            stockAfter[i] = entry.stockAfter();
            references[i] = entry.reference();
        }
        statements.appendMovements(productIds, kinds, quantities, stockAfter, references);
    }

    /** The movements of one product, newest first. */
    public Page<MovementView> movementsOf(long productId, String sku, int page, int size) {
        return movements.findByProductIdOrderByIdDesc(productId, PageRequest.of(page, size))
                .map(movement -> MovementView.of(movement, sku));
    }
}
