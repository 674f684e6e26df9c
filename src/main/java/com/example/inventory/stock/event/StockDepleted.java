package com.example.inventory.stock.event;

import com.example.inventory.common.InventoryEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A product's total {@code available} reached 0 (from above): once per crossing. {@code stock} and {@code reserved}
 * are its totals then; {@code ledgerPosition} the id of the ledger entry whose change made it.
 */
public record StockDepleted(UUID eventId, Instant occurredAt, String sku, int stock, int reserved, long ledgerPosition)
        implements InventoryEvent {

    public static final String NAME = "stock.depleted";

    @Override
    public String eventName() {
        return NAME;
    }
}
