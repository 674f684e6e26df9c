package com.example.inventory.model;

import com.example.inventory.stock.PlacementMode;
import java.util.Map;


/**
 * One thing a client can do, naming products and orders by their index in the scenario's small pools, so that
 * random sequences keep running into each other (replays, conflicts, shortages, decided reservations).
 */
sealed interface Op {

    record Restock(int product, int quantity) implements Op {
    }

    record Deduct(PlacementMode strategy, int order, Map<Integer, Integer> lines) implements Op {
    }

    record Cancel(int order) implements Op {
    }

    record Reserve(PlacementMode strategy, int order, Map<Integer, Integer> lines, int ttlSeconds) implements Op {
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
}
