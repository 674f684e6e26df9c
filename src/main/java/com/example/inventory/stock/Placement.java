package com.example.inventory.stock;

/**
 * What became of an order given to {@link InventoryService#place}: placed now (its stock taken, its id claimed,
 * after {@code attempts} transaction attempts), or not placed because another order holds its id already.
 */
public record Placement(PlacementMode strategy, boolean placed, int attempts) {

    public static Placement placed(PlacementMode strategy, int attempts) {
        return new Placement(strategy, true, attempts);
    }

    public static Placement claimedBefore(PlacementMode strategy) {
        return new Placement(strategy, false, 0);
    }
}
