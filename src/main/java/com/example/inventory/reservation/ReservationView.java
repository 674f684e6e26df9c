package com.example.inventory.reservation;

import com.example.inventory.stock.Allocated;
import com.example.inventory.stock.OrderLineView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A reservation as the API shows it; {@code deductionId} is the deduction its confirmation made, or null. */
public record ReservationView(UUID id, String orderId, String clientId, ReservationStatus status,
                              List<OrderLineView> items,
                              Instant expiresAt, Instant createdAt,
                              @Schema(types = {"string", "null"}, format = "uuid") @Nullable UUID deductionId) {

    /** A reservation just placed, before it is read back. */
    static ReservationView placed(ReservationOrder order, List<List<Allocated>> allocations) {
        return new ReservationView(order.id(), order.orderId(), order.clientId(), ReservationStatus.ACTIVE,
                OrderLineView.of(order.lines(), allocations), order.expiresAt(), order.createdAt(), null);
    }

    static ReservationView of(Reservation reservation, List<List<Allocated>> allocations) {
        return new ReservationView(reservation.getId(), reservation.orderId(), reservation.clientId(),
                reservation.getStatus(), OrderLineView.of(reservation.lines(), allocations),
                reservation.getExpiresAt(), reservation.getCreatedAt(), reservation.getDeductionId());
    }
}
