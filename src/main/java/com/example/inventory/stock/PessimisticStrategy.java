package com.example.inventory.stock;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Locks all of the order's product rows in one {@code SELECT … ORDER BY id FOR NO KEY UPDATE}, checks and changes
 * them on the entities, then commits. Waits for a lock at most {@code inventory.deduction.lock-timeout}. Best when
 * many orders fight over the same few products: they queue on the row lock instead of failing and retrying.
 */
@Component
class PessimisticStrategy extends SingleOrderStrategy {

    private final LockedStockChange lockedStock;

    PessimisticStrategy(LockedStockChange lockedStock, PlatformTransactionManager transactionManager,
                        CommitVerifier verifier) {
        super(transactionManager, verifier);
        this.lockedStock = lockedStock;
    }

    @Override
    public Strategy name() {
        return Strategy.PESSIMISTIC;
    }

    @Override
    void change(List<OrderLine> lines, MovementKind kind, String orderId) {
        lockedStock.apply(lines, kind, orderId);
    }
}
