package com.example.inventory.deduction;

import com.example.inventory.common.TimeOrderedUuid;
import com.example.inventory.stock.OrderLine;
import com.example.inventory.stock.StockOrder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order to deduct, with the id and time its deduction gets if it is placed. */
record DeductionOrder(UUID id, String orderId, String clientId, List<OrderLine> lines, Instant createdAt)
        implements StockOrder {

    static DeductionOrder of(String orderId, String clientId, List<OrderLine> lines, Instant now) {
        return new DeductionOrder(TimeOrderedUuid.next(), orderId, clientId, List.copyOf(lines), now);
    }
}
