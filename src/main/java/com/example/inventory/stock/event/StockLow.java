package com.example.inventory.stock.event;

import com.example.inventory.common.InventoryEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A product's total {@code available} fell from at least its {@code lowStockThreshold} to below it: once per crossing.
 */
public record StockLow(UUID eventId, Instant occurredAt, String sku, int available, int threshold, long ledgerPosition)
        implements InventoryEvent {

    public static final String NAME = "stock.low";

    @Override
    public String eventName() {
        return NAME;
    }
}
