package com.example.inventory.product;

/** A restock would raise a product's stock above {@link Product#MAX_STOCK}. */
public class StockLimitExceededException extends RuntimeException {

    private final String sku;

    private StockLimitExceededException(String sku, int stock, int quantity) {
        super("Restocking SKU '" + sku + "' by " + quantity + " would raise its stock of " + stock
                + " above the limit of " + Product.MAX_STOCK);
        this.sku = sku;
    }

    static StockLimitExceededException of(String sku, int stock, int quantity) {
        return new StockLimitExceededException(sku, stock, quantity);
    }

    public String sku() {
        return sku;
    }
}
