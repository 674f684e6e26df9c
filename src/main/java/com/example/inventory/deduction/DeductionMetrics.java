package com.example.inventory.deduction;

import java.time.Duration;
import java.util.Locale;

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
 *   <li>{@code inventory.deduction.attempts} (distribution of transaction attempts per completed deduction),</li>
 *   <li>{@code inventory.deduction.lock.timeouts} and {@code inventory.deduction.optimistic.conflicts}
 *       (counters; tag {@code strategy}).</li>
 * </ul>
 */
@Component
public class DeductionMetrics {

    /** The {@code outcome} tag of {@code inventory.deductions}. */
    public enum Outcome {
        COMPLETED, INSUFFICIENT_STOCK, CONTENTION, REPLAYED, ORDER_CONFLICT, NOT_FOUND, INVALID;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The {@code strategy} tag of a request whose strategy is not known (it failed validation first). */
    static final String UNKNOWN_STRATEGY = "unknown";

    private final MeterRegistry registry;

    DeductionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String strategy, Outcome outcome, Duration duration) {
        count(strategy, outcome);
        Timer.builder("inventory.deduction.duration")
                .description("Time to answer a deduction request, retries included")
                .tag("strategy", strategy)
                .publishPercentileHistogram()
                .register(registry).record(duration);
    }

    /** A request rejected before any strategy ran; it has no duration worth timing. */
    void invalid(String strategy) {
        count(strategy, Outcome.INVALID);
    }

    private void count(String strategy, Outcome outcome) {
        Counter.builder("inventory.deductions")
                .description("Deduction requests by strategy and outcome")
                .tags("strategy", strategy, "outcome", outcome.tag())
                .register(registry).increment();
    }

    void attempts(Strategy strategy, int attempts) {
        DistributionSummary.builder("inventory.deduction.attempts")
                .description("Transaction attempts per completed deduction")
                .tag("strategy", strategy.value())
                .register(registry).record(attempts);
    }

    void lockTimeout(Strategy strategy) {
        Counter.builder("inventory.deduction.lock.timeouts")
                .description("Deductions that gave up waiting for a row lock")
                .tag("strategy", strategy.value())
                .register(registry).increment();
    }

    /** One optimistic attempt lost a version race (counted whether or not a retry then succeeded). */
    public void optimisticConflict(Strategy strategy) {
        Counter.builder("inventory.deduction.optimistic.conflicts")
                .description("Optimistic attempts that lost a version race")
                .tag("strategy", strategy.value())
                .register(registry).increment();
    }
}
