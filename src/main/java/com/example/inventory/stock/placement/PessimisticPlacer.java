package com.example.inventory.stock.placement;

import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.Allocated;
import com.example.inventory.stock.PlacementMode;
import com.example.inventory.stock.StockOrder;
import com.example.inventory.stock.fault.CommitVerifier;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Locks every stock row of the order's products in one {@code SELECT … ORDER BY product_id, location FOR NO KEY
 * UPDATE}, allocates the order on them, changes them on the entities, then commits. Waits for a lock at most {@code inventory.deduction.lock-timeout}. Best when
 * many orders fight over the same few products: they queue on the row lock instead of failing and retrying.
 */
@Component
class PessimisticPlacer extends SingleOrderPlacer {

    private final LockedStockChange lockedStock;

    PessimisticPlacer(LockedStockChange lockedStock, PlatformTransactionManager transactionManager,
                        CommitVerifier verifier) {
        super(transactionManager, verifier);
        this.lockedStock = lockedStock;
    }

    @Override
    public PlacementMode name() {
        return PlacementMode.PESSIMISTIC;
    }

    @Override
    List<List<Allocated>> change(StockOrder order, MovementKind kind) {
        return lockedStock.place(order, kind);
    }
}
