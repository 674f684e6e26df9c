package com.example.inventory.stock;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A product as the API shows it: its stock, reserved and available units are the sums over {@code locations}, its
 * rows (by priority, then code; only locations where it has one); {@code lowStockThreshold} is null when the product
 * has none.
 */
public record ProductView(String sku, String name, int stock, int reserved, int available,
                          @Schema(types = {"integer", "null"}, minimum = "0", maximum = "1000000000",
                                  description = "Below it the product's stock counts as low; null: no threshold")
                          @Nullable Integer lowStockThreshold,
                          @ArraySchema(arraySchema = @Schema(description = "The product's stock per location where it "
                                  + "has a row, by priority then code; the top-level figures are their sums"))
                          List<StockAtLocation> locations,
                          long version, Instant updatedAt) {

    public ProductView {
        // An answer stored before stock was kept per location (an idempotent restock's) has none: replayed as stored.
        locations = locations == null ? List.of() : List.copyOf(locations);
    }

    public static ProductView of(String sku, String name, @Nullable Integer lowStockThreshold,
                                 List<StockAtLocation> locations, long version, Instant updatedAt) {
        long stock = 0;
        long reserved = 0;
        for (StockAtLocation location : locations) {
            stock += location.stock();
            reserved += location.reserved();
        }
        return new ProductView(sku, name, Math.toIntExact(stock), Math.toIntExact(reserved),
                Math.toIntExact(stock - reserved), lowStockThreshold, locations, version, updatedAt);
    }
}
