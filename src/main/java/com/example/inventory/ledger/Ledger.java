package com.example.inventory.ledger;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The append-only record of every stock change. */
@Service
public class Ledger {

    private final StockMovementRepository movements;

    Ledger(StockMovementRepository movements) {
        this.movements = movements;
    }

    /**
     * Appends one movement. Must run inside the transaction that changes the stock, while the product's row
     * is locked, so that the ledger and the stock can never disagree and entries of a product are in order.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(long productId, MovementKind kind, int quantity, int stockAfter, String reference) {
        movements.save(new StockMovement(productId, kind, quantity, stockAfter, reference));
    }

    /** The movements of one product, newest first. */
    @Transactional(readOnly = true)
    public Page<MovementView> movementsOf(long productId, String sku, int page, int size) {
        return movements.findByProductIdOrderByIdDesc(productId, PageRequest.of(page, size))
                .map(movement -> MovementView.of(movement, sku));
    }
}
