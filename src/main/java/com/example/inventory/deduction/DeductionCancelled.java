package com.example.inventory.deduction;

import com.example.inventory.common.InventoryEvent;
import com.example.inventory.stock.OrderLineView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A deduction was cancelled: its units went back to where they came from ({@code items}' allocations). */
public record DeductionCancelled(UUID eventId, Instant occurredAt, UUID deductionId, String orderId, String clientId,
                                 List<OrderLineView> items) implements InventoryEvent {

    public static final String NAME = "deduction.cancelled";

    @Override
    public String eventName() {
        return NAME;
    }
}
