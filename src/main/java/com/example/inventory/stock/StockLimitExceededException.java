package com.example.inventory.stock;

import com.example.inventory.stock.model.StockLevels;

/** A restock or a cancellation would raise a product's stock above {@link StockLevels#MAX_STOCK}. */
public class StockLimitExceededException extends RuntimeException {

    private final String sku;
    private final int stock;
    private final int quantity;

    private StockLimitExceededException(String sku, int stock, int quantity) {
        super("Adding " + quantity + " to the stock of " + stock + " of SKU '" + sku + "' would raise it above the "
                + "limit of " + StockLevels.MAX_STOCK);
        this.sku = sku;
        this.stock = stock;
        this.quantity = quantity;
    }

    public static StockLimitExceededException of(String sku, int stock, int quantity) {
        return new StockLimitExceededException(sku, stock, quantity);
    }

    public String sku() {
        return sku;
    }

    public int stock() {
        return stock;
    }

    public int quantity() {
        return quantity;
    }
}
