package com.example.inventory.bench;

import com.example.inventory.stock.Strategy;

/** What one phase of load sends. */
sealed interface Traffic {

    /**
     * Deductions ({@code POST /api/v1/deductions?strategy=…}) of the workload's orders; every order id starts with
     * {@code orderPrefix} and is used once. A sale stops at its first 409: the stock is gone.
     */
    record Deductions(Workload workload, Workload.Orders orders, Strategy strategy, String orderPrefix,
                      boolean untilSoldOut) implements Traffic {
    }

    /** Reads of one product ({@code GET /api/v1/products/{sku}}): the read ceiling. */
    record Reads(String sku) implements Traffic {
    }
}
