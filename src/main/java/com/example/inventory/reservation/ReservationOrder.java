package com.example.inventory.reservation;

import com.example.inventory.common.TimeOrderedUuid;
import com.example.inventory.stock.OrderLine;
import com.example.inventory.stock.StockOrder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;


/** An order to hold stock for, with the id, time and expiry its reservation gets if it is placed. */
record ReservationOrder(UUID id, String orderId, String clientId, List<OrderLine> lines, Instant createdAt,
                        Instant expiresAt)
        implements StockOrder {

    static ReservationOrder of(String orderId, String clientId, List<OrderLine> lines, Instant now,
                               java.time.Duration ttl) {
        return new ReservationOrder(TimeOrderedUuid.next(), orderId, clientId, List.copyOf(lines), now, now.plus(ttl));
    }
}
