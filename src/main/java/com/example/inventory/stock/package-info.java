/**
 * The stock core: every change of a product's stock goes through here, under a row lock or a guarded update, in the
 * same transaction as its ledger entry. This package is the module's face — {@link
 * com.example.inventory.stock.InventoryService} (places orders, gives back, confirms and releases what they took or
 * hold), {@link com.example.inventory.stock.ProductStock} (what the catalogue creates, restocks and reads), {@link
 * com.example.inventory.stock.Locations} (the locations stock is kept at: create, read), {@link
 * com.example.inventory.stock.TrackedTransactions} (writes whose outcome is found out when their connection fails),
 * the placement modes, the contract features implement to keep their orders ({@link
 * com.example.inventory.stock.OrderClaims}) with the one rule of placing an order once per order id or replaying it
 * ({@link com.example.inventory.stock.OncePerOrderId}), and the stock exceptions with their problem details. Its rooms are
 * internal: {@code model} (products, locations and the stock rule), {@code ledger} (the append-only record and its drift
 * check), {@code event} (the events stock changes make), {@code placement} (one placer per mode, and
 * {@code placement.batch}), {@code fault} (commit verification, lock timeout).
 */
@NullMarked
package com.example.inventory.stock;

import org.jspecify.annotations.NullMarked;
