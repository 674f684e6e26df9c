package com.example.inventory.stock;

import com.example.inventory.stock.model.Product;
import com.example.inventory.stock.model.StockLevels;
import java.time.Instant;

/** A product as the API shows it. */
public record ProductView(String sku, String name, int stock, int reserved, int available, long version,
                          Instant updatedAt) {

    public static ProductView of(Product product) {
        return of(product.getSku(), product.getName(), product.getStock(), product.getReserved(), product.getVersion(),
                product.getUpdatedAt());
    }

    public static ProductView of(String sku, String name, int stock, int reserved, long version, Instant updatedAt) {
        int available = Math.toIntExact(new StockLevels(stock, reserved).available());
        return new ProductView(sku, name, stock, reserved, available, version, updatedAt);
    }
}
