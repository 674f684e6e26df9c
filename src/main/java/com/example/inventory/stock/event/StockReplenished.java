package com.example.inventory.stock.event;

import com.example.inventory.common.InventoryEvent;
import java.time.Instant;
import java.util.UUID;

/** A product's total {@code available} rose from 0: once per crossing, with what is available after it. */
public record StockReplenished(UUID eventId, Instant occurredAt, String sku, int available, long ledgerPosition)
        implements InventoryEvent {

    public static final String NAME = "stock.replenished";

    @Override
    public String eventName() {
        return NAME;
    }
}
