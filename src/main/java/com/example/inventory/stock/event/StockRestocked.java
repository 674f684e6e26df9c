package com.example.inventory.stock.event;

import com.example.inventory.common.InventoryEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A restock: {@code quantity} units delivered to {@code location}, on behalf of {@code actor}. {@code stock} is the
 * product's total stock after it, {@code locationStock} the location's (the ledger entry's {@code stockAfter}).
 */
public record StockRestocked(UUID eventId, Instant occurredAt, String sku, String location, int quantity, int stock,
                             int locationStock, String actor, long ledgerPosition) implements InventoryEvent {

    public static final String NAME = "stock.restocked";

    @Override
    public String eventName() {
        return NAME;
    }
}
