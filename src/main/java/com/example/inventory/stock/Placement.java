package com.example.inventory.stock;

/**
 * What became of an order given to {@link InventoryService#place}: placed now (its stock taken, its id claimed,
 * after {@code attempts} transaction attempts), or not placed because another order holds its id already.
 */
public record Placement(Strategy strategy, boolean placed, int attempts) {

    static Placement placed(Strategy strategy, int attempts) {
        return new Placement(strategy, true, attempts);
    }

    static Placement claimedBefore(Strategy strategy) {
        return new Placement(strategy, false, 0);
    }
}
