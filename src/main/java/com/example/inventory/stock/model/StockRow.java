package com.example.inventory.stock.model;

/** A stock row as read without a lock: what an allocation is first tried on. */
public record StockRow(long productId, String sku, String location, int priority, int stock, int reserved) {

    public int available() {
        return stock - reserved;
    }
}
