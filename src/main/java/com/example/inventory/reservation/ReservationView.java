package com.example.inventory.reservation;

import com.example.inventory.stock.OrderLine;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A reservation as the API shows it; {@code deductionId} is the deduction its confirmation made, or null. */
public record ReservationView(UUID id, String orderId, String clientId, ReservationStatus status, List<OrderLine> items,
                              Instant expiresAt, Instant createdAt,
                              @Schema(types = {"string", "null"}, format = "uuid") @Nullable UUID deductionId) {

    /** A reservation just placed, before it is read back. */
    static ReservationView placed(ReservationOrder order) {
        return new ReservationView(order.id(), order.orderId(), order.clientId(), ReservationStatus.ACTIVE, order.lines(),
                order.expiresAt(), order.createdAt(), null);
    }

    static ReservationView of(Reservation reservation) {
        return new ReservationView(reservation.getId(), reservation.orderId(), reservation.clientId(),
                reservation.getStatus(),
                reservation.lines(), reservation.getExpiresAt(), reservation.getCreatedAt(),
                reservation.getDeductionId());
    }
}
