package com.example.inventory.bench;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.example.inventory.stock.Strategy;

/** The figures of one scenario x strategy run, and the invariant violations found after it. */
record RunResult(Scenario scenario, Strategy strategy, int clients, LoadGenerator.Outcome outcome,
                 CpuUsage.Split cpu, List<String> violations) {

    /** Statuses the contract allows under this load; anything else fails the run. */
    static final List<Integer> EXPECTED_STATUSES = List.of(201, 409, 503);

    Tally measured() {
        return outcome.measured();
    }

    long created() {
        return measured().count(201);
    }

    double deductionsPerSecond() {
        return outcome.measuredSeconds() > 0 ? created() / outcome.measuredSeconds() : 0;
    }

    double latencyMillis(double percentile) {
        return measured().latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxLatencyMillis() {
        return measured().latencyMicros.getMaxValue() / 1000.0;
    }

    double attemptsPerDeduction() {
        return created() > 0 ? (double) measured().attemptsOfCreated / created() : Double.NaN;
    }

    double contentionShare() {
        return measured().requests() > 0 ? (double) measured().count(503) / measured().requests() : 0;
    }

    /** Statuses outside {@link #EXPECTED_STATUSES}, e.g. {@code "500×3, no answer×1"}, or empty. */
    String otherStatuses() {
        return measured().statuses.entrySet().stream().filter(e -> !EXPECTED_STATUSES.contains(e.getKey()))
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
            default -> Ceiling.Kind.A_CONDITIONAL_UPDATE_HOT;
        };
    }

    String label() {
        return scenario.id() + " / " + strategy.value();
    }
}
