package com.example.inventory.reservation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.example.inventory.stock.ClaimRows;
import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.OrderBook;
import com.example.inventory.stock.Strategy;

import org.springframework.stereotype.Component;

/** The reservations as an {@link OrderBook}: placing an order holds the units of its lines ({@code RESERVE}). */
@Component
class ReservationBook implements OrderBook<ReservationOrder> {

    private final ReservationRepository reservations;

    ReservationBook(ReservationRepository reservations) {
        this.reservations = reservations;
    }

    @Override
    public MovementKind movement() {
        return MovementKind.RESERVE;
    }

    @Override
    public List<ReservationOrder> claim(List<ReservationOrder> orders, Strategy strategy, int attempt) {
        ClaimRows<ReservationOrder> rows = ClaimRows.of(orders, ReservationOrder::id);
        return rows.claimed(reservations.claim(rows.ids(), rows.orderIds(),
                orders.stream().map(ReservationOrder::expiresAt).toArray(Instant[]::new),
                orders.stream().map(ReservationOrder::createdAt).toArray(Instant[]::new), strategy.value(), attempt,
                rows.lineOrderIds(), rows.lineNumbers(), rows.skus(), rows.quantities()));
    }

    @Override
    public void unclaim(List<ReservationOrder> orders) {
        if (!orders.isEmpty()) {
            reservations.unclaim(orders.stream().map(ReservationOrder::id).toArray(UUID[]::new));
        }
    }

    @Override
    public List<ReservationOrder> stored(List<ReservationOrder> orders) {
        ClaimRows<ReservationOrder> rows = ClaimRows.of(orders, ReservationOrder::id);
        return rows.claimed(reservations.storedIds(rows.ids()));
    }
}
