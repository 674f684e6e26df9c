package com.example.inventory.stock.ledger;

import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.model.LocationStock;
import org.jspecify.annotations.Nullable;

/**
 * A ledger entry about to be written: what moved, how many units, at which location, that location's stock after it,
 * for which order, and who caused it (the client, or {@code system}).
 */
public record Movement(long productId, String location, MovementKind kind, int quantity, int stockAfter,
                       @Nullable String reference, String actor) {

    /** A movement just applied to {@code row}: its stock after is the row's stock now. */
    public static Movement of(LocationStock row, MovementKind kind, int quantity, @Nullable String reference,
                              String actor) {
        return new Movement(row.getProductId(), row.getLocation(), kind, quantity, row.getStock(), reference, actor);
    }
}
