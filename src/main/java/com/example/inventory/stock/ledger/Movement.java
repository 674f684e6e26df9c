package com.example.inventory.stock.ledger;

import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.model.Product;
import org.jspecify.annotations.Nullable;

/**
 * A ledger entry about to be written: what moved, how many units, the stock after it, for which order, and who
 * caused it (the client, or {@code system}).
 */
public record Movement(long productId, MovementKind kind, int quantity, int stockAfter, @Nullable String reference,
                       String actor) {

    public static Movement of(Product product, MovementKind kind, int quantity, @Nullable String reference,
                              String actor) {
        return new Movement(product.getId(), kind, quantity, product.getStock(), reference, actor);
    }
}
