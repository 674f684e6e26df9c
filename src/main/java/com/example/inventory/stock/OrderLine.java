package com.example.inventory.stock;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * One line of an order: {@code quantity} units of {@code sku}, taken only from {@code location} when the line pins
 * one, else allocated over the product's locations.
 */
@Embeddable
public record OrderLine(@Column(nullable = false, length = 64) String sku,
                        @Column(nullable = false) int quantity,
                        @Column(length = 64) @Nullable String location) {

    /** A line that pins no location. */
    public OrderLine(String sku, int quantity) {
        this(sku, quantity, null);
    }

    /**
     * Whether two orders ask for the same units of the same SKUs from the same places, in whatever line order: a
     * replay, not a conflict.
     */
    public static boolean sameItems(List<OrderLine> some, List<OrderLine> others) {
        return bySku(some).equals(bySku(others));
    }

    private static Map<String, OrderLine> bySku(List<OrderLine> lines) {
        return lines.stream().collect(Collectors.toMap(OrderLine::sku, line -> line));
    }
}
