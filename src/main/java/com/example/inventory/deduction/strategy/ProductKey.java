package com.example.inventory.deduction.strategy;

/** A product's id and SKU, all the atomic strategy needs to read before it writes. */
record ProductKey(Long id, String sku) {
}
