package com.example.inventory.reservation;

import com.example.inventory.common.InventoryEvent;
import com.example.inventory.stock.OrderLineView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A hold ended as {@code EXPIRED} (swept, or released after its time was up): its units are available again at the
 * locations of {@code items}' allocations.
 */
public record ReservationExpired(UUID eventId, Instant occurredAt, UUID reservationId, String orderId, String clientId,
                                 List<OrderLineView> items) implements InventoryEvent {

    public static final String NAME = "reservation.expired";

    @Override
    public String eventName() {
        return NAME;
    }
}
