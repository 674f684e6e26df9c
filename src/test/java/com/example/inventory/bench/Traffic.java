package com.example.inventory.bench;

import com.example.inventory.stock.PlacementMode;


/** What one phase of load sends. */
sealed interface Traffic {

    /**
     * Deductions ({@code POST /api/v1/deductions?strategy=…}) of the workload's orders; every order id starts with
     * {@code orderPrefix} and is used once. A sale stops at its first 409: the stock is gone.
     */
    record Deductions(Workload workload, Workload.Orders orders, PlacementMode strategy, String orderPrefix,
                      boolean untilSoldOut) implements Traffic {
    }

    /**
     * Checkouts: each a reservation ({@code POST /api/v1/reservations?strategy=…}) of the next order's lines, then,
     * as drawn before it is sent, its confirmation ({@value #CONFIRM_SHARE}), its release ({@value #RELEASE_SHARE})
     * or nothing (the rest: it is left to expire, so it is reserved for {@code expiringTtlSeconds}; the others for
     * {@value #LONG_TTL_SECONDS} s, as they are decided at once). Order ids as for deductions.
     */
    record Checkouts(Workload workload, Workload.Orders orders, PlacementMode strategy, String orderPrefix,
                     int expiringTtlSeconds) implements Traffic {

        static final double CONFIRM_SHARE = 0.8;
        static final double RELEASE_SHARE = 0.1;
        /** Longer than any run: a hold that is decided must never expire first. */
        static final int LONG_TTL_SECONDS = 3600;

        static double expireShare() {
            return 1 - CONFIRM_SHARE - RELEASE_SHARE;
        }
    }

    /** Reads of one product ({@code GET /api/v1/products/{sku}}): the read ceiling. */
    record Reads(String sku) implements Traffic {
    }
}
