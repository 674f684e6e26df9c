package com.example.inventory.deduction;

import com.example.inventory.common.TimeOrderedUuid;
import com.example.inventory.stock.OrderLine;
import com.example.inventory.stock.StockOrder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;


/** An order to deduct, with the id and time its deduction gets if it is placed. */
record DeductionOrder(UUID id, String orderId, List<OrderLine> lines, Instant createdAt) implements StockOrder {

    static DeductionOrder of(String orderId, List<OrderLine> lines) {
        // PostgreSQL keeps microseconds; the answer shows what a later read will show.
        return new DeductionOrder(TimeOrderedUuid.next(), orderId, List.copyOf(lines),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
