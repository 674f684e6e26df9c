package com.example.inventory.reservation;

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

/** The reservations as an {@link OrderClaims}: placing an order holds the units of its lines ({@code RESERVE}). */
@Component
class ReservationBook implements OrderClaims<ReservationOrder> {

    private final OrderTable table;

    ReservationBook(JdbcClient jdbc) {
        this.table = new OrderTable(jdbc, "reservation", ReservationStatus.ACTIVE.name(),
                List.of(new OrderTable.Column("expires_at", "timestamptz")));
    }

    @Override
    public MovementKind movement() {
        return MovementKind.RESERVE;
    }

    @Override
    public List<ReservationOrder> claim(List<ReservationOrder> orders, PlacementMode strategy, int attempt) {
        return table.claim(ClaimRows.of(orders, ReservationOrder::id),
                ClaimRows.texts(orders.stream().map(ReservationOrder::createdAt).toArray(Instant[]::new)), strategy,
                attempt, ClaimRows.texts(orders.stream().map(ReservationOrder::expiresAt).toArray(Instant[]::new)));
    }

    @Override
    public void unclaim(List<ReservationOrder> orders) {
        if (!orders.isEmpty()) {
            table.unclaim(orders.stream().map(ReservationOrder::id).toArray(UUID[]::new));
        }
    }

    @Override
    public List<ReservationOrder> stored(List<ReservationOrder> orders) {
        return table.stored(ClaimRows.of(orders, ReservationOrder::id));
    }
}
