package com.example.inventory.stock.ledger;

import com.example.inventory.common.InventoryEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * The drift check found a product's stock at a location that its ledger entries there do not explain: the row's
 * {@code stock} and {@code reserved} beside the ledger's sums. Sent when a check first finds the row out of balance
 * (not again by every later check that still finds it so, until it was seen in balance).
 */
public record LedgerDrifted(UUID eventId, Instant occurredAt, String sku, String location, long stock,
                            long ledgerStock, long reserved, long ledgerReserved) implements InventoryEvent {

    public static final String NAME = "ledger.drift";

    @Override
    public String eventName() {
        return NAME;
    }
}
