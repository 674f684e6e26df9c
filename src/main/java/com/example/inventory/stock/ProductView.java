package com.example.inventory.stock;

import com.example.inventory.stock.model.Product;
import com.example.inventory.stock.model.StockLevels;
import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A product as the API shows it; {@code lowStockThreshold} is null when the product has none. */
public record ProductView(String sku, String name, int stock, int reserved, int available,
                          @Schema(types = {"integer", "null"}, minimum = "0", maximum = "1000000000",
                                  description = "Below it the product's stock counts as low; null: no threshold")
                          @Nullable Integer lowStockThreshold,
                          long version, Instant updatedAt) {

    public static ProductView of(Product product) {
        return of(product.getSku(), product.getName(), product.getStock(), product.getReserved(),
                product.getLowStockThreshold(), product.getVersion(), product.getUpdatedAt());
    }

    public static ProductView of(String sku, String name, int stock, int reserved, @Nullable Integer lowStockThreshold,
                                 long version, Instant updatedAt) {
        int available = Math.toIntExact(new StockLevels(stock, reserved).available());
        return new ProductView(sku, name, stock, reserved, available, lowStockThreshold, version, updatedAt);
    }
}
