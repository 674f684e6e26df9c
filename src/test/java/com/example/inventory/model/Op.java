package com.example.inventory.model;

import com.example.inventory.stock.PlacementMode;
import java.util.Map;

import org.jspecify.annotations.Nullable;


/**
 * One thing a client can do, naming products and orders by their index in the scenario's small pools, so that
 * random sequences keep running into each other (replays, conflicts, shortages, decided reservations). Locations are
 * named by token: {@code L0}, {@code L1}, … the scenario's own locations, {@code DEFAULT}, and {@code NOWHERE}, a code
 * that names no location ({@link Place}).
 */
sealed interface Op {

    /** Units arrive at {@code at} ({@code null}: the request names no location, i.e. {@code DEFAULT}). */
    record Restock(int product, int quantity, @Nullable String at) implements Op {
    }

    /** {@code lines}: product → line, in the request's order; one line per product (the contract's rule). */
    record Deduct(PlacementMode strategy, int order, Map<Integer, Line> lines) implements Op {
    }

    record Cancel(int order) implements Op {
    }

    record Reserve(PlacementMode strategy, int order, Map<Integer, Line> lines, int ttlSeconds) implements Op {
    }

    record Confirm(int order) implements Op {
    }

    record Release(int order) implements Op {
    }

    record Extend(int order, int ttlSeconds) implements Op {
    }

    /** Time moves on by {@code seconds}, and overdue reservations are swept. */
    record Tick(int seconds) implements Op {
    }

    /**
     * A product creation (of a SKU outside the pool) whose {@code locations} name {@code NOWHERE} beside a real
     * location: 404 {@code location-not-found}, and no such product afterwards.
     */
    record CreateNowhere() implements Op {
    }

    /** An order line: {@code quantity} units, pinned to location token {@code at}, or allocated when null. */
    record Line(int quantity, @Nullable String at) {

        @Override
        public String toString() {
            return at == null ? String.valueOf(quantity) : quantity + "@" + at;
        }
    }

    /** A location of the scenario: created at the start of each try, its code beginning with {@code tag}. */
    record Place(String tag, int priority) {

        static final String DEFAULT = "DEFAULT";
        static final String NOWHERE = "NOWHERE";

        static String token(int index) {
            return "L" + index;
        }

        @Override
        public String toString() {
            return tag + "…/" + priority;
        }
    }

    /**
     * How a product of the pool is created: with plain {@code stock} (one {@code DEFAULT} row), or with
     * {@code locations} (location token → stock, some 0).
     */
    record Stocking(@Nullable Integer stock, Map<String, Integer> locations) {

        static Stocking plain(int stock) {
            return new Stocking(stock, Map.of());
        }

        static Stocking at(Map<String, Integer> locations) {
            return new Stocking(null, locations);
        }

        @Override
        public String toString() {
            return stock != null ? "stock " + stock : "locations " + locations;
        }
    }
}
