package com.example.inventory.stock;

import com.example.inventory.stock.model.Lines;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One line of an order: {@code quantity} units of {@code sku}. */
@Embeddable
public record OrderLine(@Column(nullable = false, length = 64) String sku,
                        @Column(nullable = false) int quantity) {

    /** Whether two orders ask for the same units of the same SKUs, in whatever line order: a replay, not a conflict. */
    public static boolean sameItems(List<OrderLine> some, List<OrderLine> others) {
        return Lines.quantitiesBySku(some).equals(Lines.quantitiesBySku(others));
    }
}
