package com.example.inventory.bench;

import com.example.inventory.stock.PlacementMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;


/**
 * The figures of one scenario x strategy run at one client count, and the invariant violations found after it.
 *
 * @param client the load generator that measured it: {@code wrk} or {@code java}
 * @param batches the batch sizes of the measured phase, when the service has batching meters and made batches
 * @param checkoutAudit for checkouts, what the invariant check compared with the stored reservations
 */
record RunResult(Scenario scenario, PlacementMode strategy, int clients, String client, Warmup warmup,
                 Measurement measurement, Optional<BatchMeters.Sizes> batches,
                 Optional<Catalogue.CheckoutAudit> checkoutAudit, List<String> violations) {

    /** Statuses the contract allows under this load; anything else fails the run. */
    static final List<Integer> EXPECTED_STATUSES = List.of(201, 409, 503);
    /**
     * Checkouts: reservations answer 201 or 503, confirmations and releases 200 or 503. Nothing is short of stock
     * and no hold that is decided has expired, so a 409 is as wrong as a 500. Each request kind is held to its own
     * share of these: {@link #RESERVE_STATUSES}, {@link #DECISION_STATUSES}.
     */
    static final List<Integer> CHECKOUT_STATUSES = List.of(200, 201, 503);
    static final List<Integer> RESERVE_STATUSES = List.of(201, 503);
    static final List<Integer> DECISION_STATUSES = List.of(200, 503);

    static List<Integer> expectedStatuses(Scenario scenario) {
        return scenario.checkout() ? CHECKOUT_STATUSES : EXPECTED_STATUSES;
    }

    Phase phase() {
        return measurement.phase();
    }

    Tally measured() {
        return phase().tally();
    }

    long created() {
        return phase().created();
    }

    /** Completed deductions (201s) per second, or for checkouts, completed checkouts per second. */
    double completedPerSecond() {
        return phase().completedPerSecond();
    }

    /** The measured phase's checkouts, when it sent checkouts. */
    Optional<CheckoutTally> checkouts() {
        return Optional.ofNullable(phase().checkouts());
    }

    double latencyMillis(double percentile) {
        return phase().latencyMillis(percentile);
    }

    double maxLatencyMillis() {
        return phase().maxLatencyMillis();
    }

    /** NaN for checkouts: a reservation's answer does not say how many attempts it took. */
    double attemptsPerDeduction() {
        return created() > 0 && !scenario.checkout() ? (double) measured().attemptsOfCreated / created()
                : Double.NaN;
    }

    /** Statuses outside {@link #expectedStatuses}, e.g. {@code "500×3, no answer×1"}, or empty. */
    String otherStatuses() {
        return otherStatuses(measured(), expectedStatuses(scenario));
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

    /**
     * The pgbench figure this run is held against: the statement its strategy boils down to, on the same rows. None
     * for checkouts: a checkout is two transactions (a hold, then its confirmation or release, each with ledger and
     * reservation rows), which no single statement of (a)–(d) stands for.
     */
    Optional<Ceiling.Kind> matchingCeiling() {
        return scenario.checkout() ? Optional.empty() : Optional.of(matching(scenario, strategy));
    }

    static Ceiling.Kind matching(Scenario scenario, PlacementMode strategy) {
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
