package com.example.inventory.stock;

/**
 * {@code quantity} units of an order line taken from (or held at) {@code location}: one of a line's
 * {@code allocations}, which say exactly where its units came from.
 */
public record Allocated(String location, int quantity) {
}
