package com.example.inventory.deduction;

import com.example.inventory.stock.ClaimRows;
import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.OrderClaims;
import com.example.inventory.stock.OrderTable;
import com.example.inventory.stock.PlacementMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;


import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The deductions as an {@link OrderClaims}: placing an order deducts the stock of its lines. */
@Component
class DeductionBook implements OrderClaims<DeductionOrder> {

    private final OrderTable table;

    DeductionBook(JdbcClient jdbc) {
        this.table = new OrderTable(jdbc, "deduction", DeductionStatus.COMPLETED.name(), List.of());
    }

    @Override
    public MovementKind movement() {
        return MovementKind.DEDUCT;
    }

    @Override
    public List<DeductionOrder> claim(List<DeductionOrder> orders, PlacementMode strategy, int attempt) {
        return table.claim(ClaimRows.of(orders, DeductionOrder::id),
                ClaimRows.texts(orders.stream().map(DeductionOrder::createdAt).toArray(Instant[]::new)), strategy,
                attempt);
    }

    @Override
    public void unclaim(List<DeductionOrder> orders) {
        if (!orders.isEmpty()) {
            table.unclaim(orders.stream().map(DeductionOrder::id).toArray(UUID[]::new));
        }
    }

    @Override
    public List<DeductionOrder> stored(List<DeductionOrder> orders) {
        return table.stored(ClaimRows.of(orders, DeductionOrder::id));
    }
}
