package com.example.inventory.deduction.strategy;

import java.util.List;

import com.example.inventory.deduction.OrderLine;
import com.example.inventory.deduction.Strategy;
import com.example.inventory.ledger.MovementKind;
import com.example.inventory.product.Product;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Locks all of the order's product rows in one {@code SELECT … ORDER BY id FOR NO KEY UPDATE}, checks and changes
 * them on the entities, then commits. Waits for a lock at most {@code inventory.deduction.lock-timeout}. Best when
 * many orders fight over the same few products: they queue on the row lock instead of failing and retrying.
 */
@Component
class PessimisticStrategy extends SingleTransactionStrategy {

    private final LockedStockChange lockedStock;

    PessimisticStrategy(LockedStockChange lockedStock, PlatformTransactionManager transactionManager) {
        super(transactionManager);
        this.lockedStock = lockedStock;
    }

    @Override
    public Strategy name() {
        return Strategy.PESSIMISTIC;
    }

    @Override
    public void takeStock(List<OrderLine> lines, String orderId) {
        lockedStock.apply(lines, orderId, MovementKind.DEDUCT, Product::deduct);
    }
}
