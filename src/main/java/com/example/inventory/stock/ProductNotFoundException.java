package com.example.inventory.stock;

/** No product has the given SKU. */
public class ProductNotFoundException extends RuntimeException {

    private final String sku;

    private ProductNotFoundException(String sku) {
        super("No product with SKU '" + sku + "'");
        this.sku = sku;
    }

    public static ProductNotFoundException of(String sku) {
        return new ProductNotFoundException(sku);
    }

    public String sku() {
        return sku;
    }
}
