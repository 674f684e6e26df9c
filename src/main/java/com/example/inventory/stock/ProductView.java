package com.example.inventory.stock;

import java.time.Instant;

/** A product as the API shows it. */
public record ProductView(String sku, String name, int stock, int reserved, int available, long version,
                          Instant updatedAt) {

    static ProductView of(Product product) {
        return new ProductView(product.getSku(), product.getName(), product.getStock(), product.getReserved(),
                product.available(), product.getVersion(), product.getUpdatedAt());
    }
}
