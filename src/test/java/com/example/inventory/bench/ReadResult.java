package com.example.inventory.bench;

import java.util.List;

/**
 * A run of the read ceiling (e): {@code GET /api/v1/products/{sku}} of the hot product through the same service,
 * with the same client and client count as the write runs. HTTP, JSON and one indexed SELECT: the most any
 * deduction can hope for.
 */
record ReadResult(int clients, String client, Warmup warmup, Measurement measurement, List<String> violations) {

    static final List<Integer> EXPECTED_STATUSES = List.of(200);

    double requestsPerSecond() {
        return measurement.phase().requestsPerSecond();
    }

    boolean passed() {
        return violations.isEmpty();
    }
}
