package com.example.inventory.stock;

import java.util.List;

/**
 * What became of an order given to {@link InventoryService#place}: placed now (its stock taken, its id claimed,
 * after {@code attempts} transaction attempts, each line's units from the locations in {@code allocations}, by the
 * line's index in the order), or not placed because another order holds its id already (no allocations).
 */
public record Placement(PlacementMode strategy, boolean placed, int attempts, List<List<Allocated>> allocations) {

    public Placement {
        allocations = allocations.stream().map(List::copyOf).toList();
    }

    public static Placement placed(PlacementMode strategy, int attempts, List<List<Allocated>> allocations) {
        return new Placement(strategy, true, attempts, allocations);
    }

    public static Placement claimedBefore(PlacementMode strategy) {
        return new Placement(strategy, false, 0, List.of());
    }
}
