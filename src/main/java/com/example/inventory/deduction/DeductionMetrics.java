package com.example.inventory.deduction;

import com.example.inventory.stock.PlacementMode;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The deduction meters:
 * <ul>
 *   <li>{@code inventory.deductions} (counter; tags {@code strategy}, {@code outcome}),</li>
 *   <li>{@code inventory.deduction.duration} (timer with percentile histogram; tag {@code strategy}),</li>
 *   <li>{@code inventory.deduction.attempts} (distribution of transaction attempts per completed deduction).</li>
 * </ul>
 * All of them are registered up front, for every strategy: they sit on the hot path, and a series that exists
 * at 0 lets Prometheus compute a rate from the first event on.
 */
@Component
class DeductionMetrics {

    /** The {@code outcome} tag of {@code inventory.deductions}. */
    enum Outcome {
        COMPLETED, INSUFFICIENT_STOCK, CONTENTION, REPLAYED, ORDER_CONFLICT, NOT_FOUND, INVALID;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The {@code strategy} tag of a request whose {@code ?strategy=} names no strategy. */
    static final String UNKNOWN_STRATEGY = "unknown";

    private final Map<String, Map<Outcome, Counter>> deductions = new HashMap<>();
    private final Map<PlacementMode, Timer> durations = new EnumMap<>(PlacementMode.class);
    private final Map<PlacementMode, DistributionSummary> attempts = new EnumMap<>(PlacementMode.class);

    DeductionMetrics(MeterRegistry registry) {
        for (PlacementMode strategy : PlacementMode.values()) {
            Map<Outcome, Counter> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(outcome, deductionCounter(registry, strategy.value(), outcome));
            }
            deductions.put(strategy.value(), byOutcome);
            durations.put(strategy, Timer.builder("inventory.deduction.duration")
                    .description("Time to answer a deduction request, retries and lock waits included")
                    .tag("strategy", strategy.value())
                    .publishPercentileHistogram()
                    .register(registry));
            attempts.put(strategy, DistributionSummary.builder("inventory.deduction.attempts")
                    .description("Transaction attempts per completed deduction")
                    .tag("strategy", strategy.value())
                    .register(registry));
        }
        deductions.put(UNKNOWN_STRATEGY,
                Map.of(Outcome.INVALID, deductionCounter(registry, UNKNOWN_STRATEGY, Outcome.INVALID)));
    }

    private static Counter deductionCounter(MeterRegistry registry, String strategy, Outcome outcome) {
        return Counter.builder("inventory.deductions")
                .description("Deduction requests by strategy and outcome")
                .tags("strategy", strategy, "outcome", outcome.tag())
                .register(registry);
    }

    void record(PlacementMode strategy, Outcome outcome, Duration duration) {
        deductions.get(strategy.value()).get(outcome).increment();
        durations.get(strategy).record(duration);
    }

    /** A request rejected before any strategy ran; it has no duration worth timing. */
    void invalid(String strategy) {
        deductions.get(strategy).get(Outcome.INVALID).increment();
    }

    void attempts(PlacementMode strategy, int count) {
        attempts.get(strategy).record(count);
    }
}
