package com.example.inventory.deduction;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.example.inventory.stock.ClaimRows;
import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.OrderBook;
import com.example.inventory.stock.Strategy;

import org.springframework.stereotype.Component;

/** The deductions as an {@link OrderBook}: placing an order deducts the stock of its lines. */
@Component
class DeductionBook implements OrderBook<DeductionOrder> {

    private final DeductionRepository deductions;

    DeductionBook(DeductionRepository deductions) {
        this.deductions = deductions;
    }

    @Override
    public MovementKind movement() {
        return MovementKind.DEDUCT;
    }

    @Override
    public List<DeductionOrder> claim(List<DeductionOrder> orders, Strategy strategy, int attempt) {
        ClaimRows<DeductionOrder> rows = ClaimRows.of(orders, DeductionOrder::id);
        return rows.claimed(deductions.claim(rows.ids(), rows.orderIds(),
                orders.stream().map(DeductionOrder::createdAt).toArray(Instant[]::new), strategy.value(), attempt,
                rows.lineOrderIds(), rows.lineNumbers(), rows.skus(), rows.quantities()));
    }

    @Override
    public void unclaim(List<DeductionOrder> orders) {
        if (!orders.isEmpty()) {
            deductions.unclaim(orders.stream().map(DeductionOrder::id).toArray(UUID[]::new));
        }
    }

    @Override
    public List<DeductionOrder> stored(List<DeductionOrder> orders) {
        ClaimRows<DeductionOrder> rows = ClaimRows.of(orders, DeductionOrder::id);
        return rows.claimed(deductions.storedIds(rows.ids()));
    }
}
