package com.example.inventory.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.example.inventory.stock.Strategy;

/**
 * The figures of one scenario x strategy run at one client count, and the invariant violations found after it.
 *
 * @param client the load generator that measured it: {@code wrk} or {@code java}
 * @param batches the batch sizes of the measured phase, when the service has batching meters and made batches
 */
record RunResult(Scenario scenario, Strategy strategy, int clients, String client, Warmup warmup,
                 Measurement measurement, Optional<BatchMeters.Sizes> batches, List<String> violations) {

    /** Statuses the contract allows under this load; anything else fails the run. */
    static final List<Integer> EXPECTED_STATUSES = List.of(201, 409, 503);

    Phase phase() {
        return measurement.phase();
    }

    Tally measured() {
        return phase().tally();
    }

    long created() {
        return phase().created();
    }

    double deductionsPerSecond() {
        return phase().createdPerSecond();
    }

    double latencyMillis(double percentile) {
        return phase().latencyMillis(percentile);
    }

    double maxLatencyMillis() {
        return phase().maxLatencyMillis();
    }

    double attemptsPerDeduction() {
        return created() > 0 ? (double) measured().attemptsOfCreated / created() : Double.NaN;
    }

    /** Statuses outside {@link #EXPECTED_STATUSES}, e.g. {@code "500×3, no answer×1"}, or empty. */
    String otherStatuses() {
        return otherStatuses(measured(), EXPECTED_STATUSES);
    }

    static String otherStatuses(Tally tally, List<Integer> expected) {
        return tally.statuses.entrySet().stream().filter(e -> !expected.contains(e.getKey()))
                .map(RunResult::statusAndCount).collect(Collectors.joining(", "));
    }

    private static String statusAndCount(Map.Entry<Integer, Long> entry) {
        return (entry.getKey() == Tally.NO_ANSWER ? "no answer" : entry.getKey().toString()) + "×" + entry.getValue();
    }

    boolean passed() {
        return violations.isEmpty();
    }

    /** The pgbench figure this run is held against: the statement its strategy boils down to, on the same rows. */
    Ceiling.Kind matchingCeiling() {
        return matching(scenario, strategy);
    }

    static Ceiling.Kind matching(Scenario scenario, Strategy strategy) {
        if (!scenario.oneHotRow()) {
            return Ceiling.Kind.D_CONDITIONAL_UPDATE_WIDE;
        }
        return switch (strategy) {
            case PESSIMISTIC -> Ceiling.Kind.B_LOCK_THEN_UPDATE_HOT;
            case OPTIMISTIC -> Ceiling.Kind.C_VERSION_CHECK_HOT;
            // atomic, and any strategy that ends in the conditional UPDATE (batched: one for a whole batch)
            default -> Ceiling.Kind.A_CONDITIONAL_UPDATE_HOT;
        };
    }

    String label() {
        return scenario.id() + " / " + strategy.value() + " @" + clients;
    }
}
