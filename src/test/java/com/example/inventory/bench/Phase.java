package com.example.inventory.bench;

/**
 * What the client saw during one phase of closed-loop load.
 *
 * @param tally every request of the phase (for checkouts: reservations, confirmations and releases together)
 * @param units units the 201s took, per product index of the workload (empty for reads); for checkouts, the units
 *              of the confirmations answered 200
 * @param seconds from the first request sent to the last answer; for a sale, to the last 201 (the sell-out time)
 * @param soldOut whether a sale ended because a client was told the stock was gone (409)
 * @param clientCpuNanos CPU time the load generator spent on the phase: the wrk process, or this JVM
 * @param checkouts for checkouts, each request kind and how the checkouts ended; else null
 */
record Phase(Tally tally, long[] units, double seconds, boolean soldOut, long clientCpuNanos,
             CheckoutTally checkouts) {

    Phase(Tally tally, long[] units, double seconds, boolean soldOut, long clientCpuNanos) {
        this(tally, units, seconds, soldOut, clientCpuNanos, null);
    }

    long requests() {
        return tally.requests();
    }

    long created() {
        return tally.count(201);
    }

    /** What the phase completed: deductions (201s), or checkouts (see {@link CheckoutTally#completed()}). */
    long completed() {
        return checkouts != null ? checkouts.completed() : created();
    }

    double requestsPerSecond() {
        return seconds > 0 ? requests() / seconds : 0;
    }

    double completedPerSecond() {
        return seconds > 0 ? completed() / seconds : 0;
    }

    double latencyMillis(double percentile) {
        return tally.latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxLatencyMillis() {
        return tally.latencyMicros.getMaxValue() / 1000.0;
    }
}
