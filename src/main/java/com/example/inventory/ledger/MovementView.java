package com.example.inventory.ledger;

import java.time.Instant;

/** A ledger entry as the API shows it. */
public record MovementView(long id, String sku, MovementKind kind, int quantity, int stockAfter, String reference,
                           Instant createdAt) {

    static MovementView of(StockMovement movement, String sku) {
        return new MovementView(movement.getId(), sku, movement.getKind(), movement.getQuantity(),
                movement.getStockAfter(), movement.getReference(), movement.getCreatedAt());
    }
}
