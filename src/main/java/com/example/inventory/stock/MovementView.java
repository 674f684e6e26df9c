package com.example.inventory.stock;

import com.example.inventory.stock.ledger.StockMovement;
import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A ledger entry as the API shows it; {@code reference} is the order id, or null for stock that came in;
 * {@code actor} the client that caused it ({@code system} for the expiry sweeper); {@code location} where the units
 * moved, and {@code stockAfter} that location's stock after the entry.
 */
public record MovementView(long id, String sku, String location, MovementKind kind, int quantity, int stockAfter,
                           @Schema(types = {"string", "null"}) @Nullable String reference, String actor,
                           Instant createdAt) {

    public static MovementView of(StockMovement movement, String sku) {
        return new MovementView(movement.getId(), sku, movement.getLocation(), movement.getKind(), movement.getQuantity(),
                movement.getStockAfter(), movement.getReference(), movement.getActor(), movement.getCreatedAt());
    }
}
