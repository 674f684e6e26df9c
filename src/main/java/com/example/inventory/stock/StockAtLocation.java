package com.example.inventory.stock;

/** A product's stock at one location, as the product view lists it. */
public record StockAtLocation(String location, int stock, int reserved, int available) {

    public static StockAtLocation of(String location, int stock, int reserved) {
        return new StockAtLocation(location, stock, reserved, stock - reserved);
    }
}
