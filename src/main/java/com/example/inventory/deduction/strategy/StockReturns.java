package com.example.inventory.deduction.strategy;

import java.util.List;
import java.util.Map;

import com.example.inventory.deduction.DeductionSettings;
import com.example.inventory.deduction.OrderLine;
import com.example.inventory.ledger.Ledger;
import com.example.inventory.ledger.MovementKind;
import com.example.inventory.product.Product;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Gives the stock of a cancelled deduction back, whatever strategy took it. */
@Component
public class StockReturns {

    private final StockRepository stock;
    private final Ledger ledger;
    private final String lockTimeout;

    StockReturns(StockRepository stock, Ledger ledger, DeductionSettings settings) {
        this.stock = stock;
        this.ledger = ledger;
        this.lockTimeout = Lines.postgresDuration(settings.lockTimeout());
    }

    /** Locks the products in id order, raises their stock and records one {@code CANCEL} movement per line. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void giveBack(List<OrderLine> lines, String orderId) {
        stock.limitLockWaits(lockTimeout);
        List<Product> products = stock.lockBySkusInIdOrder(Lines.skus(lines));
        Map<String, Integer> quantities = Lines.quantitiesBySku(lines);
        products.forEach(product -> product.giveBack(quantities.get(product.getSku())));
        stock.flush();
        products.forEach(product -> ledger.record(product.getId(), MovementKind.CANCEL,
                quantities.get(product.getSku()), product.getStock(), orderId));
    }
}
