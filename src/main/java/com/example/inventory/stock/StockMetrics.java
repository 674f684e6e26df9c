package com.example.inventory.stock;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The strategies' own meters, registered up front for every strategy (a series that exists at 0 lets Prometheus
 * compute a rate from the first event on): {@code inventory.deduction.lock.timeouts} and
 * {@code inventory.deduction.optimistic.conflicts}, tag {@code strategy} (names from before reservations: they
 * count every order the strategies place), and {@code inventory.batch.rejections} (orders refused by a full queue).
 */
@Component
public class StockMetrics {

    private final Map<PlacementMode, Counter> lockTimeouts = new EnumMap<>(PlacementMode.class);
    private final Map<PlacementMode, Counter> optimisticConflicts = new EnumMap<>(PlacementMode.class);
    private final Counter queueFull;

    StockMetrics(MeterRegistry registry) {
        for (PlacementMode strategy : PlacementMode.values()) {
            lockTimeouts.put(strategy, Counter.builder("inventory.deduction.lock.timeouts")
                    .description("Orders that gave up waiting for a row lock")
                    .tag("strategy", strategy.value())
                    .register(registry));
            optimisticConflicts.put(strategy, Counter.builder("inventory.deduction.optimistic.conflicts")
                    .description("Optimistic attempts that lost a version race")
                    .tag("strategy", strategy.value())
                    .register(registry));
        }
        queueFull = Counter.builder("inventory.batch.rejections")
                .description("Orders refused at once because their batch queue was full")
                .tag("strategy", PlacementMode.BATCHED.value())
                .register(registry);
    }

    public void lockTimeout(PlacementMode strategy) {
        lockTimeouts.get(strategy).increment();
    }

    public void queueFull() {
        queueFull.increment();
    }

    /** One optimistic attempt lost a version race (counted whether or not a retry then succeeded). */
    public void optimisticConflict(PlacementMode strategy) {
        optimisticConflicts.get(strategy).increment();
    }
}
