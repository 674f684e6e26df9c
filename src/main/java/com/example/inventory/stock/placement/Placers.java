package com.example.inventory.stock.placement;

import com.example.inventory.stock.PlacementMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The placer of every placement mode, exactly one each. Checked when the service starts: a mode without a placer
 * is a start-up failure, not a 500 on the first request that names it.
 */
@Component
public class Placers {

    private final Map<PlacementMode, Placer> byMode = new EnumMap<>(PlacementMode.class);

    /** @throws IllegalStateException when a mode has no placer, or two */
    Placers(List<Placer> placers) {
        for (Placer placer : placers) {
            if (byMode.put(placer.name(), placer) != null) {
                throw new IllegalStateException("Two placers for placement mode " + placer.name());
            }
        }
        for (PlacementMode mode : PlacementMode.values()) {
            if (!byMode.containsKey(mode)) {
                throw new IllegalStateException("No placer for placement mode " + mode);
            }
        }
    }

    public Placer of(PlacementMode mode) {
        return byMode.get(mode);
    }
}
