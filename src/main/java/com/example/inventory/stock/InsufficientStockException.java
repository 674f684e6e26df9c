package com.example.inventory.stock;

/** Fewer units of a product are available than an order line asks for. */
public class InsufficientStockException extends RuntimeException {

    private final String sku;
    private final int requested;
    private final int available;

    private InsufficientStockException(String sku, int requested, int available) {
        super("Not enough stock for SKU '" + sku + "': requested " + requested + ", available " + available);
        this.sku = sku;
        this.requested = requested;
        this.available = available;
    }

    public static InsufficientStockException of(String sku, int requested, int available) {
        return new InsufficientStockException(sku, requested, available);
    }

    public String sku() {
        return sku;
    }

    public int requested() {
        return requested;
    }

    public int available() {
        return available;
    }
}
