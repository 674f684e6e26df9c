package com.example.inventory.stock;

/** A product with the given SKU exists already. */
public class DuplicateSkuException extends RuntimeException {

    private final String sku;

    private DuplicateSkuException(String sku) {
        super("A product with SKU '" + sku + "' already exists");
        this.sku = sku;
    }

    static DuplicateSkuException of(String sku) {
        return new DuplicateSkuException(sku);
    }

    public String sku() {
        return sku;
    }
}
