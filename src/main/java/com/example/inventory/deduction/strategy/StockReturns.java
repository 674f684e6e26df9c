package com.example.inventory.deduction.strategy;

import java.util.List;

import com.example.inventory.deduction.OrderLine;
import com.example.inventory.ledger.MovementKind;
import com.example.inventory.product.Product;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Gives the stock of a cancelled deduction back, whatever strategy took it. */
@Component
public class StockReturns {

    private final LockedStockChange lockedStock;

    StockReturns(LockedStockChange lockedStock) {
        this.lockedStock = lockedStock;
    }

    /** Locks the products in id order, raises their stock and records one {@code CANCEL} movement per line. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void giveBack(List<OrderLine> lines, String orderId) {
        lockedStock.apply(lines, orderId, MovementKind.CANCEL, Product::giveBack);
    }
}
